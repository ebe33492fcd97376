package cn.suixin.agent.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when no LED screen is wired: the calls still show in the agent's log. */
public final class LoggingWindowDisplay implements WindowDisplay {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingWindowDisplay.class);

  @Override
  public void showCall(String number, int window) {
    LOG.info("window display: 请 {} 号到 {} 号窗口办理", number, window);
  }

  @Override
  public void showText(String text) {
    LOG.info("window display: {}", text);
  }

  @Override
  public void close() {}
}
