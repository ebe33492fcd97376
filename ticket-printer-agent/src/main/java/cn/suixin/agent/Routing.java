package cn.suixin.agent;

import cn.suixin.agent.device.RatingPadDriver;
import cn.suixin.agent.device.WindowDisplay;
import cn.suixin.agent.link.LinkHandler;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which device a server message is for: print jobs to the printer, the clerk, calls and rating
 * requests to the counter's pad, the clerk and calls to the window's LED screen too, number blocks
 * to the offline stock.
 */
final class Routing implements LinkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Routing.class);

  private final Printing printing;
  private final RatingPadDriver pad;
  private final WindowDisplay display;
  private final OfflineFallback offline;
  private final DeviceStatus status;

  /** {@code pad} is null at a kiosk. */
  Routing(
      Printing printing,
      RatingPadDriver pad,
      WindowDisplay display,
      OfflineFallback offline,
      DeviceStatus status) {
    this.printing = printing;
    this.pad = pad;
    this.display = display;
    this.offline = offline;
    this.status = status;
  }

  @Override
  public void onHello(JsonObject hello) {
    printing.hall(hello.getJsonObject("hall", new JsonObject()));
    offline.linkUp();
  }

  @Override
  public void onCommand(JsonObject m) {
    try {
      route(m);
    } catch (RuntimeException e) {
      // one malformed message must not stop the agent from handling the next
      LOG.warn("cannot handle {}: {}", m.encode(), e.toString());
    }
  }

  private void route(JsonObject m) {
    switch (m.getString("type", "")) {
      case "print.ticket" -> printTicket(m.getString("job"), m.getJsonObject("ticket"));
      case "print.self-test" -> printing.selfTest(m.getString("job"));
      case "pad.staff" -> {
        if (pad != null) {
          pad.showStaff(Long.parseLong(m.getString("staffNo", "0")), m.getString("name", ""));
        }
        display.showText(m.getString("name", ""));
      }
      case "pad.call" -> {
        if (pad != null) {
          pad.call(m.getString("number"), m.getInteger("window", 0));
        }
        display.showCall(m.getString("number"), m.getInteger("window", 0));
      }
      case "pad.rate" ->
          withPad(p -> p.requestRating(m.getLong("recordId"), m.getInteger("timeoutSeconds", 30)));
      case "pad.cancel" -> withPad(p -> p.cancelRating(m.getLong("recordId")));
      case "offline.block" -> offline.addBlock(m.getJsonObject("block"));
      default -> LOG.debug("ignoring server message {}", m.getString("type"));
    }
  }

  private void printTicket(String job, JsonObject ticket) {
    if (ticket == null) {
      return;
    }
    offline.seen(ticket.getString("matter"));
    printing.ticket(job, ticket);
  }

  private void withPad(Consumer<RatingPadDriver> action) {
    if (pad == null) {
      LOG.warn("no rating pad configured");
      status.report(DeviceStatus.PAD, "PORT_LOST", "no pad configured");
    } else {
      action.accept(pad);
    }
  }
}
