package cn.suixin.hall.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between the server and Redis, as a TCP relay on a free port. {@link #cut} makes it a
 * black hole, as a dead switch or a lost firewall state does: nothing sent either way arrives, and
 * no one is told. {@link #heal} lets new connections through; the old ones stay dead, as a TCP
 * connection whose path state is gone does until keepalive notices hours later.
 */
final class NetworkPath implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

  private NetworkPath(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "network-path-" + listener.getLocalPort());
    accepting.setDaemon(true);
    accepting.start();
  }

  static NetworkPath to(int redisPort) throws IOException {
    return new NetworkPath(redisPort);
  }

  String uri() {
    return "redis://127.0.0.1:" + listener.getLocalPort();
  }

  void cut() {
    cut = true;
    links.forEach(l -> l.dead = true);
  }

  void heal() {
    cut = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        Link link = new Link(client, server);
        link.dead = cut;
        links.add(link);
        pump(link, client.getInputStream(), server.getOutputStream());
        pump(link, server.getInputStream(), client.getOutputStream());
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  private static void pump(Link link, InputStream in, OutputStream out) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  if (!link.dead) {
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                }
              } catch (IOException closed) {
                // one side went away: the relay goes with it, below
              }
              link.close();
            },
            "network-path-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    links.forEach(Link::close);
  }

  private static final class Link {
    private final Socket client;
    private final Socket server;
    volatile boolean dead;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void close() {
      try {
        client.close();
        server.close();
      } catch (IOException ignored) {
        // closing a relay that is already closed
      }
    }
  }
}
