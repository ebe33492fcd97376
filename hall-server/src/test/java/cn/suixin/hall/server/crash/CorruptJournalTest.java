package cn.suixin.hall.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.server.crash.HallClient.Reply;
import cn.suixin.hall.server.crash.JournalReplay.Issued;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A journal whose tail was damaged while the server was down (a disk that lost the last sector, a
 * half-copied backup): the server cuts the bad tail, says so in its log, serves what survived, and
 * numbers new tickets on from the last surviving one. A damaged record with good ones after it is
 * no torn tail: that hall stays closed, cut nothing, until an operator checks and repairs it, while
 * the other halls serve.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorruptJournalTest {
  private static final String HALL = "city";
  private static final int TICKETS = 12;

  /** The journal frame header: magic, length, seq, CRC; see the store's Frames. */
  private static final int HEADER = 20;

  @TempDir static Path shared;
  static Path cleanData;
  static String kiosk;
  static String kioskAnju;
  static List<String> ticketIds = new ArrayList<>();

  /**
   * Where each frame starts and how long its payload is: frame 0 starts the day, frame i is ticket
   * i.
   */
  static List<Long> frameOffsets = new ArrayList<>();

  static List<Integer> payloadLengths = new ArrayList<>();
  static long cleanSize;

  @TempDir Path dir;

  /** What a crash can leave at the end of a journal. */
  enum Damage {
    GARBAGE_APPENDED,
    LAST_RECORD_TRUNCATED_MIDWAY,
    BYTE_FLIPPED_IN_LAST_RECORD;

    int survivors() {
      return switch (this) {
        case GARBAGE_APPENDED -> TICKETS;
        case LAST_RECORD_TRUNCATED_MIDWAY, BYTE_FLIPPED_IN_LAST_RECORD -> TICKETS - 1;
      };
    }
  }

  /**
   * One clean journal of {@value #TICKETS} tickets, stopped with SIGTERM, copied for each damage.
   */
  @BeforeAll
  static void a_server_stopped_cleanly_after_some_tickets() throws Exception {
    cleanData = shared.resolve("clean");
    kiosk = ServerProcess.addKiosk(cleanData, HALL);
    kioskAnju = ServerProcess.addKiosk(cleanData, "anju");
    try (ServerProcess server = ServerProcess.start(cleanData)) {
      HallClient client = new HallClient(server.uri("/"), HALL);
      for (int i = 1; i <= TICKETS; i++) {
        Reply r = client.issue(kiosk, "EE-PASSPORT");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().getString("number")).isEqualTo(String.format("A%03d", i));
        ticketIds.add(r.body().getString("id"));
      }
      assertThat(server.stop()).isNotEqualTo(ServerProcess.SIGKILL_EXIT);
    }
    List<SequencedEvent> events = JournalReplay.events(cleanData, HALL);
    assertThat(events.get(events.size() - 1).event())
        .as("the last record is the last ticket")
        .isInstanceOfSatisfying(
            HallEvent.TicketIssued.class,
            t -> assertThat(t.ticket().value()).isEqualTo(ticketIds.get(TICKETS - 1)));
    byte[] journal = Files.readAllBytes(journal(cleanData));
    cleanSize = journal.length;
    ByteBuffer frames = ByteBuffer.wrap(journal);
    for (int offset = 0; offset < journal.length; offset += HEADER + frames.getInt(offset + 4)) {
      frameOffsets.add((long) offset);
      payloadLengths.add(frames.getInt(offset + 4));
    }
    assertThat(frameOffsets).hasSize(TICKETS + 1);
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void the_server_cuts_the_damaged_tail_serves_the_rest_and_numbers_on(Damage damage)
      throws Exception {
    Path data = dir.resolve("data");
    DataFolders.copy(cleanData, data);
    long cutAt = damage(journal(data), damage);
    int survivors = damage.survivors();
    byte[] damaged = Files.readAllBytes(journal(data));

    try (ServerProcess server = ServerProcess.start(data)) {
      Pattern cut =
          Pattern.compile(
              "Journal of hall "
                  + HALL
                  + ": cut off a torn or corrupt tail at offset "
                  + cutAt
                  + ", \\d+ bytes dropped");
      assertThat(server.output().await(cut, Duration.ZERO))
          .as("the log line about the cut; output:%n%s", server.output().text())
          .isPresent();
      // A torn write is worthless, but a flipped bit mid-file takes every later, acknowledged
      // event with it: the cut bytes must stay on disk for someone to look at.
      assertThat(keptTail(data))
          .as("bytes cut off, kept beside the journal")
          .isEqualTo(java.util.Arrays.copyOfRange(damaged, (int) cutAt, damaged.length));
      HallClient client = new HallClient(server.uri("/"), HALL);
      for (int i = 0; i < TICKETS; i++) {
        Reply r = client.ticket(kiosk, ticketIds.get(i));
        if (i < survivors) {
          assertThat(r.status()).as("surviving ticket %s", ticketIds.get(i)).isEqualTo(200);
          assertThat(r.body().getString("number")).isEqualTo(String.format("A%03d", i + 1));
        } else {
          assertThat(r.status()).as("ticket in the cut record").isEqualTo(404);
        }
      }
      Reply next = client.issue(kiosk, "EE-PASSPORT");
      assertThat(next.status()).isEqualTo(201);
      assertThat(next.body().getString("number"))
          .as("numbering goes on from the last surviving ticket")
          .isEqualTo(String.format("A%03d", survivors + 1));
      assertThat(server.stop()).isNotEqualTo(ServerProcess.SIGKILL_EXIT);
    }

    List<Issued> issued = JournalReplay.issued(JournalReplay.events(data, HALL));
    assertThat(issued).extracting(Issued::number).doesNotHaveDuplicates().hasSize(survivors + 1);
  }

  /**
   * Not a crash but bad media: a flipped bit in ticket 6 of 12. Cutting there would lose tickets 7
   * to 12, which citizens hold, and hand their numbers out again.
   */
  @Test
  void a_byte_flipped_in_a_middle_record_keeps_the_hall_closed_until_an_operator_repairs_it()
      throws Exception {
    Path data = dir.resolve("data");
    DataFolders.copy(cleanData, data);
    long damagedAt;
    try (FileChannel ch =
        FileChannel.open(journal(data), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      damagedAt = flipInFrame(ch, 6);
    }
    byte[] damaged = Files.readAllBytes(journal(data));

    try (ServerProcess server = ServerProcess.start(data)) {
      Pattern refused =
          Pattern.compile(
              "hall city refused to start and stays closed: journal of hall city is damaged: "
                  + Pattern.quote(journal(data).toAbsolutePath().toString())
                  + " at offset "
                  + damagedAt
                  + ": expected seq 7, .*"
                  + "valid frames follow from offset "
                  + frameOffsets.get(7)
                  + " \\(seq 8\\).*"
                  + "journal repair --hall city --skip-offset "
                  + damagedAt
                  + " --confirm");
      assertThat(server.output().await(refused, Duration.ZERO))
          .as("the log line about the damage; output:%n%s", server.output().text())
          .isPresent();
      assertThat(Files.readAllBytes(journal(data))).as("nothing cut").isEqualTo(damaged);
      Reply closed = new HallClient(server.uri("/"), HALL).issue(kiosk, "EE-PASSPORT");
      assertThat(closed.status()).isEqualTo(503);
      assertThat(closed.body().getString("detail")).contains("journal damaged at seq 7");
      assertThat(new HallClient(server.uri("/"), "anju").issue(kioskAnju, "HH-ID-RENEW").status())
          .as("another hall of the same server")
          .isEqualTo(201);
      Reply ready = new HallClient(server.uri("/"), HALL).ready();
      assertThat(ready.status())
          .as("the node still serves its other halls: %s", ready.body())
          .isEqualTo(200);
      assertThat(ready.body().getJsonObject("refused").getString(HALL))
          .contains("journal damaged at seq 7");
      assertThat(server.stop()).isNotEqualTo(ServerProcess.SIGKILL_EXIT);
    }

    ServerProcess.Finished check = admin(data, "journal", "check", "--hall", HALL);
    assertThat(check.exitCode()).as(check.text()).isEqualTo(1);
    assertThat(check.text())
        .contains(
            "damaged at offset " + damagedAt,
            "seq 7 is lost",
            "good records resume at seq 8",
            "--skip-offset " + damagedAt);
    ServerProcess.Finished unconfirmed =
        admin(
            data, "journal", "repair", "--hall", HALL, "--skip-offset", String.valueOf(damagedAt));
    assertThat(unconfirmed.exitCode()).as(unconfirmed.text()).isEqualTo(1);
    assertThat(Files.readAllBytes(journal(data)))
        .as("nothing changed without --confirm")
        .isEqualTo(damaged);
    ServerProcess.Finished repair =
        admin(
            data,
            "journal",
            "repair",
            "--hall",
            HALL,
            "--skip-offset",
            String.valueOf(damagedAt),
            "--confirm");
    assertThat(repair.exitCode()).as(repair.text()).isZero();
    assertThat(repair.text())
        .contains(
            "dropped " + (frameOffsets.get(7) - damagedAt) + " bytes at offset " + damagedAt,
            "lost-event marker(s) for seq 7");
    assertThat(backup(data)).as("the journal as it was, kept").isEqualTo(damaged);
    assertThat(admin(data, "journal", "check", "--hall", HALL).exitCode()).isZero();
    // The snapshot taken at the clean stop still holds ticket 6; without it the hall must rebuild
    // from the repaired journal alone, which is what a damaged journal without a snapshot gets.
    Files.delete(data.resolve("snapshots").resolve(HALL + ".snap"));

    try (ServerProcess server = ServerProcess.start(data)) {
      HallClient client = new HallClient(server.uri("/"), HALL);
      for (int i = 0; i < TICKETS; i++) {
        Reply r = client.ticket(kiosk, ticketIds.get(i));
        assertThat(r.status()).as("ticket %d", i + 1).isEqualTo(i == 5 ? 404 : 200);
        if (i != 5) {
          assertThat(r.body().getString("number")).isEqualTo(String.format("A%03d", i + 1));
        }
      }
      Reply next = client.issue(kiosk, "EE-PASSPORT");
      assertThat(next.status()).isEqualTo(201);
      assertThat(next.body().getString("number"))
          .as("numbering goes on after the last ticket")
          .isEqualTo("A013");
      assertThat(server.stop()).isNotEqualTo(ServerProcess.SIGKILL_EXIT);
    }
    List<SequencedEvent> events = JournalReplay.events(data, HALL);
    assertThat(events.get(6).event()).as("seq 7").isInstanceOf(HallEvent.EventLost.class);
    assertThat(JournalReplay.issued(events))
        .extracting(Issued::number)
        .doesNotHaveDuplicates()
        .hasSize(TICKETS);
  }

  private static ServerProcess.Finished admin(Path data, String... command) throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of("--config", ServerProcess.SHIPPED_CONFIG.toString(), "--data", data.toString()));
    return ServerProcess.run(data.resolveSibling("admin"), null, args.toArray(String[]::new));
  }

  private static byte[] backup(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("journal"))) {
      List<Path> kept =
          files
              .filter(f -> f.getFileName().toString().startsWith(HALL + ".log.before-repair-"))
              .toList();
      assertThat(kept).as("backups of the journal").hasSize(1);
      return Files.readAllBytes(kept.get(0));
    }
  }

  /** Damages the journal file; returns the offset the server is expected to cut at. */
  private static long damage(Path journal, Damage damage) throws IOException {
    try (FileChannel ch =
        FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      switch (damage) {
        case GARBAGE_APPENDED -> {
          ch.write(
              ByteBuffer.wrap("\u0000garbage after a clean stop\n".repeat(4).getBytes()),
              cleanSize);
          return cleanSize;
        }
        case LAST_RECORD_TRUNCATED_MIDWAY -> {
          ch.truncate(frameOffsets.get(TICKETS) + HEADER + payloadLengths.get(TICKETS) / 2);
          return frameOffsets.get(TICKETS);
        }
        case BYTE_FLIPPED_IN_LAST_RECORD -> {
          return flipInFrame(ch, TICKETS);
        }
        default -> throw new IllegalArgumentException(damage.name());
      }
    }
  }

  private static long flipInFrame(FileChannel ch, int frame) throws IOException {
    long at = frameOffsets.get(frame) + HEADER + payloadLengths.get(frame) / 2;
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, at);
    one.put(0, (byte) (one.get(0) ^ 0x20)).rewind();
    ch.write(one, at);
    return frameOffsets.get(frame);
  }

  /** The one file beside the journal holding what was cut off its tail. */
  private static byte[] keptTail(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("journal"))) {
      List<Path> kept =
          files.filter(f -> f.getFileName().toString().startsWith(HALL + ".log.cut")).toList();
      assertThat(kept).as("files holding the cut tail").hasSize(1);
      return Files.readAllBytes(kept.get(0));
    }
  }

  private static Path journal(Path data) {
    return data.resolve("journal").resolve(HALL + ".log");
  }
}
