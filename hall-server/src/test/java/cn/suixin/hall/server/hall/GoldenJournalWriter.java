package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.codec.ConfigFingerprint;
import cn.suixin.hall.server.codec.EventCodec;
import cn.suixin.hall.server.codec.JournalEventCodec;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.HallSnapshot;
import cn.suixin.hall.store.JournalEntry;
import cn.suixin.hall.store.SnapshotFrame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden journal that {@link GoldenJournalTest} reads: two business days of the city
 * hall in which every kind of event happens, with a snapshot taken midway, in the embedded store's
 * files exactly as the server writes them.
 *
 * <p>Regenerate ONLY for a deliberate new journal or snapshot format version, never to make {@link
 * GoldenJournalTest} pass again: that test failing means old journals no longer read. Keep the old
 * files beside the new ones (rename them {@code golden-v<N>}) and a test for them.
 *
 * <pre>
 * mvn -B -ntp -o -q -pl hall-server -am test -Dtest=GoldenJournalWriter -Dgolden.write=yes \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It is no test (its name does not end in {@code Test}), so a normal build never runs it.
 *
 * <p>{@code -Dgolden.write=layout2} only adds {@code snapshot-layout2/city.snap}: the golden
 * snapshot, restored and saved again in snapshot layout 2, for the same journal.
 */
class GoldenJournalWriter {
  private static final MatterCode PASSPORT = new MatterCode("EE-PASSPORT");
  private static final MatterCode ID_RENEW = new MatterCode("HH-ID-RENEW");
  private static final MatterCode NO_RECORD = new MatterCode("PO-NO-RECORD");
  private static final MatterCode VEHICLE = new MatterCode("TV-TRANSFER");
  private static final MatterCode LICENCE = new MatterCode("TL-RENEW");
  private static final WindowId W01 = new WindowId("01");
  private static final WindowId W02 = new WindowId("02");
  private static final WindowId W07 = new WindowId("07");
  private static final WindowId W16 = new WindowId("16");
  private static final ChannelId GAOKAO = new ChannelId("gaokao");

  /** A Monday in the gaokao green channel's period. */
  private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  private final HallConfig config = Golden.config();
  private final HallEngine engine = new HallEngine(config);
  private final List<JournalEntry> entries = new ArrayList<>();
  private final List<IdempotencyCache.Entry> replies = new ArrayList<>();
  private HallSnapshot snapshot;
  private Instant now = DAY.atTime(LocalTime.of(9, 0)).atZone(config.zone()).toInstant();
  private int keys;

  @Test
  @EnabledIfSystemProperty(named = "golden.write", matches = "yes")
  void write_the_golden_journal() throws Exception {
    firstDay();
    secondDay();
    Path data = Golden.DATA;
    if (Files.exists(data)) {
      try (Stream<Path> old = Files.walk(data)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Vertx vertx = Vertx.vertx();
    try {
      EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, data);
      await(store.journal(Golden.HALL).append(entries));
      await(store.snapshots(Golden.HALL).save(snapshot));
      await(store.close());
      // the store makes an empty record log too; it is no part of the golden journal
      Files.delete(data.resolve("records.log"));
      Files.delete(data.resolve("records.lock"));
    } finally {
      await(vertx.close());
    }
    Files.writeString(Golden.FINGERPRINT, engine.state().fingerprint(), StandardCharsets.UTF_8);
    assertThat(
            entries.stream()
                .map(
                    e ->
                        EventCodec.decode(
                                new JsonObject(new String(e.payload(), StandardCharsets.UTF_8)))
                            .event()
                            .getClass())
                .<Class<?>>map(c -> c)
                .distinct())
        .as("every kind of event")
        .containsExactlyInAnyOrderElementsOf(GoldenJournalTest.eventKinds(HallEvent.class));
  }

  @Test
  @EnabledIfSystemProperty(named = "golden.write", matches = "layout2")
  void write_the_golden_snapshot_in_layout_2() throws Exception {
    HallSnapshot old =
        SnapshotFrame.decode(
            ByteBuffer.wrap(
                Files.readAllBytes(
                    Golden.DATA.resolve("snapshots").resolve(Golden.HALL + ".snap"))));
    SnapshotImage.Restored r =
        SnapshotImage.decode(old.image(), config, ConfigFingerprint.of(config));
    List<String> recentCalls = r.recentCalls().stream().map(JsonObject::encode).toList();
    List<IdempotencyCache.Entry> idempotency =
        r.idempotency().stream()
            .map(e -> new IdempotencyCache.Entry(e.getKey(), e.getValue()))
            .toList();
    HallSnapshot again =
        new HallSnapshot(
            r.seq(),
            SnapshotImage.encode(
                new SnapshotImage.Capture(
                    r.seq(),
                    r.entryChecksum(),
                    ConfigFingerprint.of(config),
                    r.engine().state().export(),
                    recentCalls,
                    idempotency)));
    Files.createDirectories(Golden.LAYOUT_2_SNAPSHOT.getParent());
    Files.write(
        Golden.LAYOUT_2_SNAPSHOT,
        ByteBuffer.allocate(SnapshotFrame.HEADER + again.image().length)
            .put(SnapshotFrame.header(again))
            .put(again.image())
            .array());
  }

  private void firstDay() {
    TicketId a1 = issued(run(HallCommand.IssueTicket.walkIn(PASSPORT), true));
    run(new HallCommand.SignIn(W07, new Clerk("K07", "王芳")), false);
    issued(
        run(
            new HallCommand.IssueTicket(
                ID_RENEW,
                TicketSource.KIOSK,
                1,
                "hash-of-5101",
                GAOKAO,
                "准考证 2026510100123",
                null,
                null,
                null),
            true));
    Instant slot = now.plus(Duration.ofMinutes(5));
    issued(
        run(
            new HallCommand.IssueTicket(
                PASSPORT,
                TicketSource.APPOINTMENT,
                2,
                null,
                null,
                null,
                null,
                new Appointment(slot, slot.plus(Duration.ofMinutes(30))),
                null),
            true));
    TicketId vehicle =
        issued(
            run(
                new HallCommand.IssueTicket(
                    VEHICLE,
                    TicketSource.PHONE,
                    1,
                    "hash-of-5102",
                    null,
                    null,
                    null,
                    null,
                    new DeviceId("phone")),
                true));
    run(new HallCommand.CallNext(W07), false);
    run(new HallCommand.Recall(W07), false);
    ServiceRecordId record = started(run(new HallCommand.StartService(W07), false));
    run(new HallCommand.FinishService(W07, new Outcome.Done()), false);
    run(new HallCommand.RecordRating(record, 1, 0b101, "等了太久"), false);
    run(new HallCommand.CallNext(W07), false);
    run(new HallCommand.MarkNoShow(W07), false);
    run(new HallCommand.SignIn(W01, new Clerk("K01", "李强")), false);
    run(new HallCommand.CallNext(W01), false);
    run(new HallCommand.Transfer(W01, NO_RECORD, null, "还要开无犯罪记录证明"), false);
    TicketId regular = issued(run(HallCommand.IssueTicket.walkIn(ID_RENEW), true));
    run(new HallCommand.GrantGreenChannel(regular, GAOKAO, "G01", "考生忘带准考证，导办核实"), false);
    TicketId licence = issued(run(HallCommand.IssueTicket.walkIn(LICENCE), true));
    run(
        new HallCommand.Redirect(licence, new MatterCode("TL-REISSUE"), "驾驶证遗失，不是期满", "G01"),
        false);
    run(new HallCommand.CancelTicket(vehicle, "市民离开"), false);
    run(new HallCommand.PauseWindow(W02, "系统维护"), false);
    run(new HallCommand.ResumeWindow(W02), false);
    run(new HallCommand.CloseWindow(W16, "人员不足"), false);
    takeSnapshot();
    run(new HallCommand.OpenWindow(W16), false);
    run(new HallCommand.RemapWindow(W02, Map.of(PASSPORT, 3, ID_RENEW, 6)), false);
    HallEvent.NumberBlockReserved block =
        reserved(
            run(new HallCommand.ReserveNumberBlock(new DeviceId("kiosk-1"), PASSPORT, 10), false));
    run(
        new HallCommand.AdmitOfflineTickets(
            new DeviceId("kiosk-1"),
            block.blockId(),
            List.of(
                new HallCommand.OfflineTicket(block.from() + 1, now.minus(Duration.ofMinutes(3))))),
        true);
    run(new HallCommand.SetNotice("今日出入境窗口下午 4 点停止取号"), false);
    lost(
        "seq "
            + (engine.state().seq() + 1)
            + " failed its checksum; replaced by journal repair on 2026-06-01");
    TicketId parked = called(run(new HallCommand.CallNext(W01), false));
    run(new HallCommand.Park(W01), false);
    run(new HallCommand.ResumeParked(W01, parked), false);
    run(new HallCommand.StartService(W01), false);
    run(
        new HallCommand.FinishService(
            W01, new Outcome.PendingMaterials(List.of("户口簿复印件"), DAY.plusDays(5))),
        false);
    run(new HallCommand.CallNext(W07), false);
    run(new HallCommand.StartService(W07), false);
    run(new HallCommand.FinishService(W07, new Outcome.Referred("市车管所")), false);
    run(new HallCommand.SignOut(W07), false);
    assertThat(a1).isNotNull();
  }

  private void secondDay() {
    now = DAY.plusDays(1).atTime(LocalTime.of(9, 0)).atZone(config.zone()).toInstant();
    run(new HallCommand.Tick(), false);
    issued(run(HallCommand.IssueTicket.walkIn(PASSPORT), true));
    run(new HallCommand.SignIn(W07, new Clerk("K07", "王芳")), false);
    run(new HallCommand.CallNext(W07), false);
    run(new HallCommand.StartService(W07), false);
    run(new HallCommand.FinishService(W07, new Outcome.NotDone("材料不齐，转办不成事窗口")), false);
    issued(run(HallCommand.IssueTicket.walkIn(ID_RENEW), true));
  }

  /**
   * Runs an accepted command a minute after the last, journaling its events as the hall owner does.
   */
  private CommandResult run(HallCommand command, boolean keyed) {
    now = now.plus(Duration.ofMinutes(1));
    CommandResult result = engine.execute(command, now);
    assertThat(result.rejection()).as("rejection of %s", command).isNull();
    assertThat(result.events()).as("events of %s", command).isNotEmpty();
    String key = keyed ? "golden-" + ++keys : null;
    JsonObject reply = new JsonObject().put("ok", true).put("seq", engine.state().seq());
    List<SequencedEvent> events = result.events();
    for (int i = 0; i < events.size(); i++) {
      JsonObject meta =
          key != null && i == events.size() - 1
              ? new JsonObject().put("idem", key).put("reply", reply)
              : null;
      journal(events.get(i), meta);
    }
    if (key != null) {
      replies.add(new IdempotencyCache.Entry(key, reply));
    }
    return result;
  }

  /** A lost-event marker as {@code journal repair} writes it, applied as a replay would. */
  private void lost(String reason) {
    long seq = engine.state().seq() + 1;
    byte[] before = entries.get(entries.size() - 1).payload();
    byte[] marker = new JournalEventCodec().lostEvent(seq, before, null, reason);
    SequencedEvent event =
        EventCodec.decode(new JsonObject(new String(marker, StandardCharsets.UTF_8)));
    engine.apply(event);
    entries.add(new JournalEntry(seq, marker));
  }

  private void journal(SequencedEvent se, JsonObject meta) {
    entries.add(new JournalEntry(se.seq(), EventCodec.toBuffer(se, meta).getBytes()));
  }

  /** A snapshot as {@link HallSnapshotter} takes it, at the last journaled event. */
  private void takeSnapshot() {
    JournalEntry last = entries.get(entries.size() - 1);
    assertThat(last.seq()).isEqualTo(engine.state().seq());
    List<String> recentCalls =
        List.of(
            new JsonObject()
                .put("type", "call")
                .put("number", "A001")
                .put("window", "07")
                .encode());
    byte[] bytes =
        SnapshotImage.encode(
            new SnapshotImage.Capture(
                last.seq(),
                checksum(last.payload()),
                ConfigFingerprint.of(config),
                engine.state().export(),
                recentCalls,
                List.copyOf(replies)));
    snapshot = new HallSnapshot(last.seq(), bytes);
  }

  private TicketId issued(CommandResult r) {
    return ((HallEvent.TicketIssued) r.events().get(r.events().size() - 1).event()).ticket();
  }

  private static TicketId called(CommandResult r) {
    return ((HallEvent.TicketCalled) r.events().get(r.events().size() - 1).event()).ticket();
  }

  private static ServiceRecordId started(CommandResult r) {
    return ((HallEvent.ServiceStarted) r.events().get(r.events().size() - 1).event()).record();
  }

  private static HallEvent.NumberBlockReserved reserved(CommandResult r) {
    return (HallEvent.NumberBlockReserved) r.events().get(r.events().size() - 1).event();
  }

  private static int checksum(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
