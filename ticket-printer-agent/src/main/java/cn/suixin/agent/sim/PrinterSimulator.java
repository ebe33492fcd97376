package cn.suixin.agent.sim;

import cn.suixin.agent.escpos.EscPosRenderer;
import cn.suixin.agent.escpos.RenderedTicket;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS printer at the far end of a serial line: it answers DLE EOT n from a settable table
 * (anywhere in the stream, as real printers do), can fall silent, and keeps everything else it was
 * sent so tests and --simulate can read the tickets back. Like a device of its own, it lives on its
 * own Vert.x context; every public method is queued there.
 */
public final class PrinterSimulator implements SerialListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PrinterSimulator.class);
  public static final int[] ALL_FINE = {0x12, 0x12, 0x12, 0x12};
  public static final int[] PAPER_OUT = {0x1A, 0x32, 0x12, 0x72};
  public static final int[] PAPER_NEAR_END = {0x12, 0x12, 0x12, 0x1E};
  public static final int[] COVER_OPEN = {0x1A, 0x16, 0x12, 0x12};

  private final Context context;
  private final SerialLink link;
  private final Charset charset;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private int[] statusBytes = ALL_FINE.clone();
  private boolean silent;
  private int dleState;
  private int statusRequests;
  private int ticketsLogged;

  public PrinterSimulator(Context context, SerialLink link, Charset charset) {
    this.context = context;
    this.link = link;
    this.charset = charset;
  }

  public Future<PrinterSimulator> start() {
    return OnDevice.ask(
        context,
        () -> {
          OnDevice.plugIn(context, link, this);
          return this;
        });
  }

  /** The replies to DLE EOT 1, 2, 3 and 4. */
  public Future<Void> setStatusBytes(int... replies) {
    if (replies.length != 4) {
      throw new IllegalArgumentException("need four status bytes");
    }
    int[] copy = replies.clone();
    return OnDevice.tell(context, () -> statusBytes = copy);
  }

  /** A printer that is switched off answers nothing. */
  public Future<Void> setSilent(boolean silent) {
    return OnDevice.tell(context, () -> this.silent = silent);
  }

  public Future<byte[]> printedBytes() {
    return OnDevice.ask(context, printed::toByteArray);
  }

  public Future<Integer> statusRequests() {
    return OnDevice.ask(context, () -> statusRequests);
  }

  /** Each ESC @ starts a new ticket, which is how the agent begins every job. */
  public Future<List<RenderedTicket>> tickets() {
    return OnDevice.ask(context, this::ticketsNow);
  }

  /** For --simulate: logs tickets printed since the last call, as text. */
  public Future<Void> logNewTickets() {
    return OnDevice.tell(
        context,
        () -> {
          List<RenderedTicket> all = ticketsNow();
          // the last ticket may still be arriving: log it once it has been cut
          int complete =
              all.isEmpty() || all.get(all.size() - 1).cuts() > 0 ? all.size() : all.size() - 1;
          for (int i = ticketsLogged; i < complete; i++) {
            RenderedTicket t = all.get(i);
            LOG.info("simulated printer printed:\n{}\n[QR {}]", t.text(), t.qrCodes());
          }
          ticketsLogged = Math.max(ticketsLogged, complete);
        });
  }

  @Override
  public void onBytes(byte[] data, int length) {
    for (int i = 0; i < length; i++) {
      int b = data[i] & 0xFF;
      if (dleState == 0 && b == 0x10) {
        dleState = 1;
      } else if (dleState == 1 && b == 0x04) {
        dleState = 2;
      } else if (dleState == 2 && b >= 1 && b <= 4) {
        dleState = 0;
        answer(b);
      } else {
        if (dleState >= 1) {
          printed.write(0x10);
        }
        if (dleState == 2) {
          printed.write(0x04);
        }
        dleState = 0;
        printed.write(b);
      }
    }
  }

  @Override
  public void onDisconnected() {
    LOG.info("printer simulator lost its port");
  }

  @Override
  public void close() {
    OnDevice.tell(context, link::close);
  }

  private List<RenderedTicket> ticketsNow() {
    byte[] all = printed.toByteArray();
    List<RenderedTicket> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i + 1 < all.length; i++) {
      if (all[i] == 0x1B && all[i + 1] == 0x40) {
        if (start >= 0) {
          out.add(render(all, start, i));
        }
        start = i;
      }
    }
    if (start >= 0) {
      out.add(render(all, start, all.length));
    }
    return out;
  }

  private void answer(int n) {
    statusRequests++;
    if (silent) {
      return;
    }
    try {
      link.write(new byte[] {(byte) statusBytes[n - 1]});
    } catch (IOException e) {
      LOG.debug("printer simulator could not answer: {}", e.getMessage());
    }
  }

  private RenderedTicket render(byte[] all, int from, int to) {
    byte[] part = new byte[to - from];
    System.arraycopy(all, from, part, 0, part.length);
    return new EscPosRenderer(charset).render(part);
  }
}
