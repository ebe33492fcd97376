package cn.suixin.hall.server.hall;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Carries a {@link HallRequest} over the event bus. To an owner in this JVM the record itself is
 * delivered (it is immutable), so a command is neither encoded nor parsed on its way. To another
 * node it travels as its JSON form, and arrives as that {@link JsonObject}: the owner reads it like
 * any JSON command, so a malformed one is refused with its field instead of being lost on the
 * network thread.
 */
final class HallRequestCodec implements MessageCodec<HallRequest, Object> {
  private static final String NAME = "suixin.hall-request";
  private static final Set<Vertx> REGISTERED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  HallRequestCodec() {}

  /**
   * Makes HallRequest sendable on this Vert.x instance; the gateway and every owner call it, once
   * counts.
   */
  static void registerOn(Vertx vertx) {
    synchronized (REGISTERED) {
      if (REGISTERED.add(vertx)) {
        vertx.eventBus().registerDefaultCodec(HallRequest.class, new HallRequestCodec());
      }
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, HallRequest request) {
    Buffer json = request.toJson().toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
  }

  @Override
  public Object transform(HallRequest request) {
    return request;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
