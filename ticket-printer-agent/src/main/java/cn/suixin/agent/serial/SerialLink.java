package cn.suixin.agent.serial;

import java.io.IOException;

/** A byte pipe to one device; the only seam between the device drivers and the serial library. */
public interface SerialLink extends AutoCloseable {

  /** The port name as configured, for logs and status messages. */
  String name();

  void listen(SerialListener listener);

  void open() throws IOException;

  boolean isOpen();

  void write(byte[] data) throws IOException;

  @Override
  void close();
}
