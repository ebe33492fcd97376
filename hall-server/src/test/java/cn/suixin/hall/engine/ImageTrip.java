package cn.suixin.hall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.codec.HallImageCodec;

/**
 * A hall's image on the trip a snapshot takes: exported, stored as the codec stores it, read back.
 */
final class ImageTrip {
  private ImageTrip() {}

  static HallImage of(HallEngine engine) {
    HallImage exported = engine.state().export();
    HallImage read = HallImageCodec.read(HallImageCodec.write(exported));
    assertThat(read).as("the image read back, value for value").isEqualTo(exported);
    return read;
  }
}
