package cn.suixin.agent.device;

import cn.suixin.agent.serial.SerialLink;
import io.vertx.core.Context;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LED screens in text mode: one GB18030 line ending in CR LF replaces the screen content. The line
 * has no acknowledgement, so frames go out at least 300 ms apart (slow controllers drop bytes
 * otherwise) and the current text is resent periodically to heal a screen that was power-cycled.
 * Its state belongs to one Vert.x context: call it there.
 */
public final class TextLineWindowDisplay implements WindowDisplay {

  private static final Logger LOG = LoggerFactory.getLogger(TextLineWindowDisplay.class);
  public static final long FRAME_SPACING_MILLIS = 300;
  private static final Charset GB18030 = Charset.forName("GB18030");

  private final Context context;
  private final SerialLink link;
  private final long refreshMillis;
  private final LongSupplier clock;
  private final Deque<String> pending = new ArrayDeque<>();
  private String current = "";
  private long lastSentAt = Long.MIN_VALUE / 2;
  private long pumpTimer = -1;

  public TextLineWindowDisplay(
      Context context, SerialLink link, long refreshMillis, LongSupplier clockMillis) {
    this.context = context;
    this.link = link;
    this.refreshMillis = refreshMillis;
    this.clock = clockMillis;
  }

  public static String callText(String number, int window) {
    return "请 " + number + " 号到 " + window + " 号窗口办理";
  }

  /** Opens the line and starts sending, one frame per spacing at most. */
  public void start() throws IOException {
    link.open();
    pumpTimer = context.owner().setPeriodic(FRAME_SPACING_MILLIS, id -> pump());
  }

  @Override
  public void showCall(String number, int window) {
    showText(callText(number, window));
  }

  @Override
  public void showText(String text) {
    pending.add(text.replace('\r', ' ').replace('\n', ' '));
  }

  @Override
  public void close() {
    context.owner().cancelTimer(pumpTimer);
    link.close();
  }

  private void pump() {
    long now = clock.getAsLong();
    String next = pending.poll();
    if (next != null) {
      current = next;
    } else if (now - lastSentAt < refreshMillis || current.isEmpty()) {
      return;
    }
    try {
      link.write((current + "\r\n").getBytes(GB18030));
      lastSentAt = now;
    } catch (IOException e) {
      LOG.debug("window display {} write failed: {}", link.name(), e.getMessage());
    }
  }
}
