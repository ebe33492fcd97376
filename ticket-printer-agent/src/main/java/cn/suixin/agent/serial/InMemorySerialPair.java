package cn.suixin.agent.serial;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two linked ends of a virtual cable inside one process, used by --simulate so the agent runs with
 * simulated devices and no serial hardware or socat. Bytes are delivered on one thread per end, in
 * order, like a reader thread on a real port.
 */
public final class InMemorySerialPair {

  private final End a;
  private final End b;

  public InMemorySerialPair(String name) {
    a = new End(name + "-a");
    b = new End(name + "-b");
    a.peer = b;
    b.peer = a;
  }

  public SerialLink agentEnd() {
    return a;
  }

  public SerialLink deviceEnd() {
    return b;
  }

  private static final class End implements SerialLink {

    private final String name;
    private final ExecutorService delivery;
    private volatile End peer;
    private volatile SerialListener listener;
    private volatile boolean open;

    End(String name) {
      this.name = name;
      this.delivery =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "sim-" + name);
                t.setDaemon(true);
                return t;
              });
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void listen(SerialListener listener) {
      this.listener = listener;
    }

    @Override
    public void open() {
      open = true;
      if (listener != null) {
        listener.onConnected();
      }
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void write(byte[] data) throws IOException {
      if (!open) {
        throw new IOException(name + " is not open");
      }
      End p = peer;
      byte[] copy = data.clone();
      p.delivery.execute(
          () -> {
            SerialListener l = p.listener;
            if (p.open && l != null) {
              l.onBytes(copy, copy.length);
            }
          });
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
