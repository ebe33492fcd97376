package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.HallImage;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.codec.ConfigFingerprint;
import cn.suixin.hall.server.view.LiveMessages;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.HallSnapshot;
import cn.suixin.hall.store.HallSnapshots;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and finds a hall's snapshots for its owner. A snapshot is taken every {@code every} durable
 * events and when the owner stops, always at a point where the state in memory is exactly what the
 * journal holds. It names the checksum of the journal entry it was taken at, so a snapshot that
 * does not belong to the journal found at start (a restored backup, a cut tail) is set aside and
 * the whole journal replayed: the journal stays the truth.
 *
 * <p>Used only on the owner's event loop; the bytes are made and parsed on a worker thread.
 */
final class HallSnapshotter {
  private static final Logger LOG = LoggerFactory.getLogger(HallSnapshotter.class);

  /** A capture may take at most 1/50 of the hall's time: 2 %. */
  private static final int PAUSE_SHARE = 50;

  private final Vertx vertx;
  private final HallConfig config;
  private final String hall;
  private final HallSnapshots snapshots;
  private final int every;
  private final String fingerprint;
  private long durableSeq;
  private int durableChecksum;
  private long savedSeq;
  private Future<Void> saving = Future.succeededFuture();
  private long lastCaptureAt;
  private long lastCaptureNanos;

  HallSnapshotter(Vertx vertx, HallConfig config, HallSnapshots snapshots, int every) {
    this.vertx = vertx;
    this.config = config;
    this.hall = config.id().value();
    this.snapshots = snapshots;
    this.every = every;
    this.fingerprint = ConfigFingerprint.of(config);
  }

  /** The last entry now durable in the journal, appended or replayed. */
  void durable(JournalEntry last) {
    durableSeq = last.seq();
    durableChecksum = checksum(last.payload());
  }

  /** The saved snapshot, or null if there is none or it cannot be read (logged). Never fails. */
  Future<HallSnapshot> latest() {
    durableSeq = 0;
    savedSeq = 0;
    return snapshots
        .latest()
        .recover(
            t -> {
              LOG.warn(
                  "hall {}: snapshot not readable, replaying the whole journal: {}",
                  hall,
                  t.toString());
              return Future.succeededFuture(null);
            });
  }

  /**
   * The hall restored from a saved snapshot, if it is usable with this configuration and journal;
   * otherwise null, with the reason logged. Never fails: without it the caller replays everything.
   */
  Future<SnapshotImage.Restored> restore(HallSnapshot saved, HallJournal journal) {
    return vertx
        .executeBlocking(() -> SnapshotImage.decode(saved.image(), config, fingerprint), false)
        .compose(
            restored ->
                journal
                    .readFrom(restored.seq(), 1)
                    .map(
                        entries -> {
                          if (restored.seq() != saved.seq()) {
                            throw new IllegalArgumentException(
                                "the snapshot file says seq "
                                    + saved.seq()
                                    + ", its image "
                                    + restored.seq());
                          }
                          if (entries.isEmpty()
                              || checksum(entries.get(0).payload()) != restored.entryChecksum()) {
                            throw new IllegalArgumentException(
                                "the journal's entry "
                                    + restored.seq()
                                    + " is not the one the "
                                    + "snapshot was taken at");
                          }
                          durable(entries.get(0));
                          savedSeq = restored.seq();
                          return restored;
                        }))
        .recover(
            t -> {
              LOG.warn(
                  "hall {}: snapshot not used, replaying the whole journal: {}",
                  hall,
                  t.getMessage());
              durableSeq = 0;
              savedSeq = 0;
              return Future.succeededFuture(null);
            });
  }

  /**
   * After a durable batch or a replay: takes a snapshot if enough events passed since the last, and
   * if the last capture's pause is small beside the time since: a hall holding a great many tickets
   * snapshots less often rather than stalling its commands.
   */
  void maybeSave(HallEngine engine, LiveMessages live, IdempotencyCache idempotency) {
    if (every > 0
        && durableSeq - savedSeq >= every
        && System.nanoTime() - lastCaptureAt >= lastCaptureNanos * PAUSE_SHARE) {
      save(engine, live, idempotency);
    }
  }

  /**
   * Takes a snapshot now unless the last one is current, then waits for it (the owner is stopping).
   */
  Future<Void> saveOnStop(HallEngine engine, LiveMessages live, IdempotencyCache idempotency) {
    if (durableSeq > savedSeq) {
      save(engine, live, idempotency);
    }
    return saving;
  }

  private void save(HallEngine engine, LiveMessages live, IdempotencyCache idempotency) {
    if (!saving.isComplete() || engine.state().seq() != durableSeq || durableSeq == 0) {
      return;
    }
    long started = System.nanoTime();
    // only the plain values are taken on the event loop; their bytes are made on a worker
    HallImage image = engine.state().export();
    List<String> recent = new ArrayList<>();
    live.recentCalls().forEachRemaining(call -> recent.add(call.encode()));
    SnapshotImage.Capture capture =
        new SnapshotImage.Capture(
            durableSeq, durableChecksum, fingerprint, image, recent, idempotency.entries());
    long onLoop = System.nanoTime() - started;
    lastCaptureAt = started;
    lastCaptureNanos = onLoop;
    long seq = durableSeq;
    saving =
        vertx
            .executeBlocking(() -> SnapshotImage.encode(capture), false)
            .compose(bytes -> snapshots.save(new HallSnapshot(seq, bytes)).map(bytes.length))
            .onSuccess(
                size -> {
                  savedSeq = Math.max(savedSeq, seq);
                  LOG.info(
                      "hall {}: snapshot at seq {} saved ({} KiB, {} ms on the event loop, {} ms in all)",
                      hall,
                      seq,
                      size / 1024,
                      onLoop / 1_000_000,
                      (System.nanoTime() - started) / 1_000_000);
                })
            .onFailure(
                t ->
                    LOG.warn(
                        "hall {}: snapshot at seq {} not saved; the journal still has it all: {}",
                        hall,
                        seq,
                        t.toString()))
            .<Void>mapEmpty()
            .recover(t -> Future.succeededFuture());
  }

  private static int checksum(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }
}
