package cn.suixin.agent;

import cn.suixin.agent.device.LoggingWindowDisplay;
import cn.suixin.agent.device.PrinterDriver;
import cn.suixin.agent.device.RatingPadDriver;
import cn.suixin.agent.device.TextLineWindowDisplay;
import cn.suixin.agent.device.WindowDisplay;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.link.AgentLink;
import cn.suixin.agent.offline.OfflineDesk;
import cn.suixin.agent.offline.OfflineStore;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.serial.JSerialCommLink;
import cn.suixin.agent.serial.ReconnectingSerialLink;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialSettings;
import cn.suixin.agent.sim.PadSimulator;
import cn.suixin.agent.sim.PrinterSimulator;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One running agent: devices, server link and local endpoint, wired from the options. */
public final class Agent implements AutoCloseable {

  public static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
  private static final long PRINTER_POLL_MILLIS = 5000;
  private static final long DISPLAY_REFRESH_MILLIS = 10_000;

  private final Vertx vertx = Vertx.vertx();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "agent-devices");
    t.setDaemon(true);
    return t;
  });
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final AgentService service;
  private final AgentLink link;
  private final LocalTicketEndpoint endpoint;
  private PrinterSimulator printerSimulator;
  private PadSimulator padSimulator;

  private Agent(AgentOptions o, Backoff linkBackoff) throws IOException {
    PrinterProfile profile = PrinterProfile.named(o.printerProfile()).orElseThrow(
        () -> new IllegalArgumentException("unknown printer profile " + o.printerProfile()));
    Clock clock = Clock.systemUTC();
    Outbox outbox = new Outbox(o.dataDir().resolve("outbox"));
    OfflineDesk offline = new OfflineDesk(new OfflineStore(o.dataDir().resolve("offline.json")),
        clock, HALL_ZONE);
    service = new AgentService(new TicketEncoder(profile), offline, outbox, clock, HALL_ZONE, o.server());

    PrinterDriver printer = null;
    SerialLink printerLink = printerLink(o, profile);
    if (printerLink != null) {
      printer = new PrinterDriver(printerLink, service::printerStatusChanged, PRINTER_POLL_MILLIS);
    }
    RatingPadDriver pad = null;
    SerialLink padLink = padLink(o);
    if (padLink != null) {
      pad = new RatingPadDriver(padLink, o.padAddress(), outbox, service, scheduler,
          () -> System.nanoTime() / 1_000_000);
    }
    WindowDisplay display = new LoggingWindowDisplay();
    if (o.windowDisplayPort() != null) {
      SerialLink l = reconnecting(SerialSettings.pad(o.windowDisplayPort()));
      l.open();
      display = new TextLineWindowDisplay(l, scheduler, DISPLAY_REFRESH_MILLIS,
          () -> System.nanoTime() / 1_000_000);
    }
    service.attachDevices(printer, pad, display);
    closeables.add(display);

    link = new AgentLink(vertx, o.server(), o.token(), outbox, service, linkBackoff);
    service.attach(link);
    endpoint = new LocalTicketEndpoint(vertx, service, link::isUp);

    if (printer != null) {
      printer.start();
      closeables.add(printer);
    }
    if (pad != null) {
      pad.start();
      closeables.add(pad);
    }
  }

  /** Starts everything; returns once the local endpoint listens. */
  public static Agent start(AgentOptions o, Backoff linkBackoff) throws Exception {
    Agent agent = new Agent(o, linkBackoff);
    agent.link.start();
    agent.endpoint.listen(o.localPort()).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return agent;
  }

  public static Agent start(AgentOptions o) throws Exception {
    return start(o, new Backoff(500, 60_000));
  }

  public boolean linkUp() {
    return link.isUp();
  }

  /** The simulated printer when running with --simulate and no printer port, else null. */
  public PrinterSimulator printerSimulator() {
    return printerSimulator;
  }

  public PadSimulator padSimulator() {
    return padSimulator;
  }

  @Override
  public void close() {
    link.stop();
    endpoint.close();
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception ignored) {
        // shutting down anyway
      }
    }
    scheduler.shutdownNow();
    vertx.close();
  }

  private SerialLink printerLink(AgentOptions o, PrinterProfile profile) throws IOException {
    if (o.printerPort() != null) {
      return reconnecting(SerialSettings.printer(o.printerPort(), o.printerBaud()));
    }
    if (!o.simulate()) {
      return null;
    }
    InMemorySerialPair pair = new InMemorySerialPair("printer");
    printerSimulator = new PrinterSimulator(pair.deviceEnd(), profile.charset()).start();
    scheduler.scheduleWithFixedDelay(printerSimulator::logNewTickets, 500, 500,
        TimeUnit.MILLISECONDS);
    return pair.agentEnd();
  }

  private SerialLink padLink(AgentOptions o) throws IOException {
    if (o.padPort() != null) {
      return reconnecting(SerialSettings.pad(o.padPort()));
    }
    if (!o.simulate()) {
      return null;
    }
    InMemorySerialPair pair = new InMemorySerialPair("pad");
    padSimulator = new PadSimulator(pair.deviceEnd(), o.padAddress(), scheduler).start();
    padSimulator.setAutoPress(5, 2000);
    return pair.agentEnd();
  }

  private SerialLink reconnecting(SerialSettings settings) {
    return new ReconnectingSerialLink(new JSerialCommLink(settings), scheduler,
        new Backoff(500, 30_000));
  }
}
