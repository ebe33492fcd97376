package cn.suixin.agent.serial;

/**
 * Receives what happens on a serial line. Links call it from their own threads; a listener that
 * keeps state takes its callbacks through {@link HopToContext}.
 */
public interface SerialListener {

  void onBytes(byte[] data, int length);

  /** The port vanished (cable pulled, USB adapter reset, pty peer gone). */
  void onDisconnected();

  /** The port is open, first or again after a disconnect. */
  default void onConnected() {}
}
