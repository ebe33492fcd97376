package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.HallImage;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.codec.HallImageCodec;
import cn.suixin.hall.server.codec.ImageReader;
import cn.suixin.hall.server.codec.ImageWriter;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bytes of a hall snapshot: the engine's state image and what the hall's owner keeps beside it
 * (the recent calls of the screens' snapshot and the idempotency replies), under a header that says
 * which configuration and which journal entry it was taken at.
 */
final class SnapshotImage {
  /**
   * Bumped whenever this layout changes; a snapshot of an unknown layout is set aside. Layout 2
   * holds the engine's image as JSON of {@link HallImage}; layout 1 held the engine's positional
   * image and is still read, so the first start after an upgrade begins at its snapshot too.
   */
  static final int LAYOUT = 2;

  private static final int POSITIONAL = 1;

  /** What is taken on the hall's event loop; the bytes are made from it elsewhere. */
  record Capture(
      long seq,
      int entryChecksum,
      String configFingerprint,
      HallImage engine,
      List<String> recentCalls,
      List<IdempotencyCache.Entry> idempotency) {}

  /** A hall restored from a snapshot, ready to replay the journal after {@code seq}. */
  record Restored(
      HallEngine engine,
      long seq,
      int entryChecksum,
      List<JsonObject> recentCalls,
      List<Map.Entry<String, String>> idempotency) {}

  private SnapshotImage() {}

  static byte[] encode(Capture c) {
    byte[] engine = HallImageCodec.write(c.engine());
    ImageWriter out = new ImageWriter(engine.length + 64 * 1024);
    out.putInt(LAYOUT);
    out.putString(c.configFingerprint());
    out.putLong(c.seq());
    out.putInt(c.entryChecksum());
    out.putBytes(engine);
    out.putInt(c.recentCalls().size());
    c.recentCalls().forEach(out::putString);
    out.putInt(c.idempotency().size());
    c.idempotency()
        .forEach(
            e -> {
              out.putString(e.key());
              out.putString(e.text());
            });
    return out.toByteArray();
  }

  /**
   * Restores a hall from snapshot bytes.
   *
   * @throws IllegalArgumentException saying why the snapshot cannot be used: another layout, a
   *     configuration changed since, or damage
   */
  static Restored decode(byte[] bytes, HallConfig config, String configFingerprint) {
    ImageReader in = new ImageReader(bytes);
    int layout = in.getInt();
    if (layout != LAYOUT && layout != POSITIONAL) {
      throw new IllegalArgumentException(
          "snapshot layout " + layout + ", this server reads " + POSITIONAL + " and " + LAYOUT);
    }
    if (!configFingerprint.equals(in.getString())) {
      throw new IllegalArgumentException(
          "the hall's configuration changed since the snapshot was taken");
    }
    long seq = in.getLong();
    int checksum = in.getInt();
    HallEngine engine =
        HallEngine.restore(
            config,
            layout == LAYOUT ? HallImageCodec.read(in.getBytes()) : positional(in.nested()));
    if (engine.state().seq() != seq) {
      throw new IllegalArgumentException(
          "snapshot says seq " + seq + " but its state is at " + engine.state().seq());
    }
    List<JsonObject> recentCalls = new ArrayList<>();
    for (int n = in.getInt(); n > 0; n--) {
      recentCalls.add(new JsonObject(in.getString()));
    }
    int entries = in.getInt();
    List<Map.Entry<String, String>> idempotency =
        new ArrayList<>(Math.max(0, Math.min(entries, 1 << 20)));
    for (int n = entries; n > 0; n--) {
      idempotency.add(Map.entry(in.getString(), in.getString()));
    }
    if (in.remaining() != 0) {
      throw new IllegalArgumentException("snapshot has " + in.remaining() + " bytes past its end");
    }
    return new Restored(engine, seq, checksum, recentCalls, idempotency);
  }

  private static HallImage positional(ImageReader image) {
    HallImage read = HallImageCodec.readVersion2(image);
    if (image.remaining() != 0) {
      throw new IllegalArgumentException(
          "the state image has " + image.remaining() + " bytes past its end");
    }
    return read;
  }
}
