package cn.suixin.agent.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that touches jSerialComm. Each open asks for the port by path again, so a symlink
 * or device node that comes back after an unplug is found afresh. A reader thread does
 * semi-blocking reads; the port is closed on the first disconnect, because jSerialComm repeats that
 * event in a tight loop until it is.
 */
public final class JSerialCommLink implements SerialLink {

  private static final Logger LOG = LoggerFactory.getLogger(JSerialCommLink.class);
  private static final int READ_TIMEOUT_MILLIS = 100;
  private static final int WRITE_TIMEOUT_MILLIS = 2000;

  private final SerialSettings settings;
  private volatile SerialListener listener =
      new SerialListener() {
        @Override
        public void onBytes(byte[] data, int length) {}

        @Override
        public void onDisconnected() {}
      };
  private volatile SerialPort port;
  private volatile Thread reader;
  private final AtomicBoolean lost = new AtomicBoolean();

  public JSerialCommLink(SerialSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return settings.path();
  }

  @Override
  public void listen(SerialListener listener) {
    this.listener = listener;
  }

  @Override
  public synchronized void open() throws IOException {
    if (isOpen()) {
      return;
    }
    SerialPort p;
    try {
      p = SerialPort.getCommPort(settings.path());
    } catch (RuntimeException e) {
      throw new IOException("no serial port at " + settings.path(), e);
    }
    p.setComPortParameters(settings.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    p.setComPortTimeouts(
        SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
        READ_TIMEOUT_MILLIS,
        WRITE_TIMEOUT_MILLIS);
    if (!p.openPort()) {
      throw new IOException(
          "cannot open " + settings.path() + " (error " + p.getLastErrorCode() + ")");
    }
    lost.set(false);
    p.addDataListener(new DisconnectWatch());
    port = p;
    Thread t = new Thread(() -> readLoop(p), "serial-" + settings.path());
    t.setDaemon(true);
    reader = t;
    t.start();
    LOG.info("opened {} at {} 8N1", settings.path(), settings.baud());
    listener.onConnected();
  }

  @Override
  public boolean isOpen() {
    SerialPort p = port;
    return p != null && p.isOpen();
  }

  @Override
  public void write(byte[] data) throws IOException {
    SerialPort p = port;
    if (p == null || !p.isOpen()) {
      throw new IOException(settings.path() + " is not open");
    }
    int off = 0;
    while (off < data.length) {
      int n = p.writeBytes(data, data.length - off, off);
      if (n <= 0) {
        portLost();
        throw new IOException("write to " + settings.path() + " failed");
      }
      off += n;
    }
  }

  @Override
  public synchronized void close() {
    SerialPort p = port;
    port = null;
    if (p != null) {
      p.removeDataListener();
      p.closePort();
    }
    Thread t = reader;
    reader = null;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void readLoop(SerialPort p) {
    byte[] buf = new byte[1024];
    while (port == p) {
      int n = p.readBytes(buf, buf.length);
      if (n > 0) {
        listener.onBytes(buf, n);
      } else if (n < 0 && port == p) {
        portLost();
        return;
      }
    }
  }

  /** Reported once per open, however many threads notice. */
  private void portLost() {
    if (lost.compareAndSet(false, true)) {
      LOG.warn("serial port {} disconnected", settings.path());
      Thread closer =
          new Thread(
              () -> {
                close();
                listener.onDisconnected();
              },
              "serial-close-" + settings.path());
      closer.setDaemon(true);
      closer.start();
    }
  }

  private final class DisconnectWatch implements SerialPortDataListener {

    @Override
    public int getListeningEvents() {
      return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
    }

    @Override
    public void serialEvent(SerialPortEvent event) {
      if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
        portLost();
      }
    }
  }
}
