package cn.suixin.agent.link;

import io.vertx.core.json.JsonObject;

/** What the server link delivers to the rest of the agent, on the agent's context. */
public interface LinkHandler {

  /** The server accepted the token; everything not yet acknowledged has just been resent. */
  void onHello(JsonObject hello);

  /** Any server message other than hello, ack and error. */
  void onCommand(JsonObject message);

  default void onLinkDown() {}
}
