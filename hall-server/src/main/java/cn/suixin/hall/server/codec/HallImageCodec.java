package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.HallImage;

/**
 * The engine's state image in a snapshot: JSON by component name ({@link RecordJson}), and, read
 * only, the positional image of version 2 that older snapshots hold.
 */
public final class HallImageCodec {
  private HallImageCodec() {}

  public static byte[] write(HallImage image) {
    return RecordJson.write(image);
  }

  /**
   * @throws IllegalArgumentException when the bytes are no image: damage
   */
  public static HallImage read(byte[] json) {
    return RecordJson.read(json, 0, json.length, HallImage.class);
  }

  /** Reads a positional image of version 2, as snapshots of layout 1 hold it. */
  public static HallImage readVersion2(ImageReader in) {
    return StateImageV2.read(in);
  }
}
