package cn.suixin.hall.store;

import static cn.suixin.hall.store.JournalFixtures.entries;
import static cn.suixin.hall.store.JournalFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("journal check and repair on a journal file")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalFileDoctorTest {

  @TempDir Path dir;

  private JournalFileDoctor doctor() {
    return new JournalFileDoctor(dir, "city", new FixtureEvents());
  }

  @Test
  void a_flipped_byte_in_a_middle_frame_is_found_and_replaced_by_a_marker_of_its_seq()
      throws IOException {
    long[] offsets = write(10);
    flip(offsets[3] + Frames.HEADER + 5);
    byte[] damaged = Files.readAllBytes(file());

    JournalExamination exam = doctor().examine();
    assertThat(exam.damages())
        .containsExactly(
            new JournalDamage(
                offsets[3],
                offsets[4] - offsets[3],
                4,
                5,
                "the frame there is damaged (its magic, length or checksum is wrong)"));
    assertThat(exam.records()).isEqualTo(9);
    assertThat(exam.lastSeq()).isEqualTo(10);
    assertThat(exam.tornTailOffset()).isEqualTo(-1);

    List<String> done = doctor().repair(d -> d.offset() == offsets[3], "at offset " + offsets[3]);
    assertThat(String.join("\n", done))
        .contains(
            "dropped " + (offsets[4] - offsets[3]) + " bytes at offset " + offsets[3],
            "1 lost-event marker(s) for seq 4");
    assertThat(backups())
        .singleElement()
        .satisfies(b -> assertThat(Files.readAllBytes(b)).isEqualTo(damaged));
    assertThat(doctor().examine().damaged()).isFalse();
    List<JournalEntry> expected = new ArrayList<>(entries(1, 10));
    expected.set(3, new JournalEntry(4, FixtureEvents.marker(4, 3, 5)));
    assertThat(reopened()).isEqualTo(expected);
  }

  @Test
  void stray_bytes_between_two_frames_are_dropped_and_no_seq_is_replaced() throws IOException {
    long[] offsets = write(6);
    byte[] clean = Files.readAllBytes(file());
    byte[] withStray = new byte[clean.length + 7];
    System.arraycopy(clean, 0, withStray, 0, (int) offsets[3]);
    System.arraycopy(
        clean, (int) offsets[3], withStray, (int) offsets[3] + 7, clean.length - (int) offsets[3]);
    Files.write(file(), withStray);

    JournalDamage d = doctor().examine().damages().get(0);
    assertThat(d.lostSeqs()).isZero();
    assertThat(d.bytes()).isEqualTo(7);
    doctor().repair(x -> x.namedBy(4), "at seq 4");

    assertThat(Files.readAllBytes(file())).isEqualTo(clean);
  }

  @Test
  void a_whole_frame_whose_event_is_not_of_its_seq_is_damage_too() throws IOException {
    long[] offsets = write(3);
    Files.write(
        file(), Frames.encode(JournalFile.MAGIC, 4, entry(9).payload()), StandardOpenOption.APPEND);
    Files.write(
        file(), Frames.encode(JournalFile.MAGIC, 5, entry(5).payload()), StandardOpenOption.APPEND);

    assertThat(doctor().examine().damages())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.firstSeq()).isEqualTo(4);
              assertThat(d.offset()).isEqualTo(offsets[2] + Frames.size(entry(3).payload()));
              assertThat(d.problem()).contains("says it is seq 9");
            });
  }

  @Test
  void a_torn_tail_alone_is_no_damage_the_next_start_cuts_it() throws IOException {
    long[] offsets = write(5);
    try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
      raf.setLength(raf.length() - 3);
    }
    JournalExamination exam = doctor().examine();
    assertThat(exam.damaged()).isFalse();
    assertThat(exam.tornTailOffset()).isEqualTo(offsets[4]);
  }

  @Test
  void a_repair_refuses_while_a_server_holds_the_journal_and_changes_nothing() throws IOException {
    long[] offsets = write(5);
    flip(offsets[1] + Frames.HEADER);
    byte[] damaged = Files.readAllBytes(file());
    // the lock a running server's journal holds on its file
    try (FileChannel held = FileChannel.open(file(), StandardOpenOption.WRITE);
        FileLock lock = held.lock()) {
      assertThatThrownBy(() -> doctor().repair(d -> true, "any"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stop the server first");
    }
    assertThat(Files.readAllBytes(file())).isEqualTo(damaged);
    assertThat(backups()).isEmpty();
  }

  @Test
  void a_repair_of_a_damage_that_is_not_there_names_what_is() throws IOException {
    long[] offsets = write(5);
    flip(offsets[1] + Frames.HEADER);
    assertThatThrownBy(() -> doctor().repair(d -> d.offset() == 7, "at offset 7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no damage at offset 7")
        .hasMessageContaining("at offset " + offsets[1]);
  }

  /** Writes seqs 1..count; returns where each frame starts. */
  private long[] write(int count) throws IOException {
    JournalFile journal = new JournalFile(dir, "city");
    journal.open();
    long[] offsets = new long[count + 1];
    for (JournalEntry e : entries(1, count)) {
      offsets[(int) e.seq()] = offsets[(int) e.seq() - 1] + Frames.size(e.payload());
      journal.append(List.of(e), Frames.size(e.payload()));
    }
    journal.close();
    long[] starts = new long[count];
    System.arraycopy(offsets, 0, starts, 0, count);
    return starts;
  }

  private List<JournalEntry> reopened() throws IOException {
    JournalFile journal = new JournalFile(dir, "city");
    journal.open();
    try {
      return journal.read(1, 100);
    } finally {
      journal.close();
    }
  }

  private void flip(long position) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
      raf.seek(position);
      int b = raf.read();
      raf.seek(position);
      raf.write(b ^ 0x10);
    }
  }

  private List<Path> backups() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("city.log.before-repair-"))
          .toList();
    }
  }

  private Path file() {
    return dir.resolve("city.log");
  }
}
