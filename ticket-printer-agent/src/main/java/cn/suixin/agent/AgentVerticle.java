package cn.suixin.agent;

import cn.suixin.agent.device.PadListener;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.link.AgentLink;
import cn.suixin.agent.offline.OfflineDesk;
import cn.suixin.agent.offline.OfflineStore;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.outbox.OutgoingMessages;
import cn.suixin.agent.pad.PadRating;
import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.sim.PadSimulator;
import cn.suixin.agent.sim.PrinterSimulator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Clock;

/**
 * One running agent. Its context owns every piece of its state (outbox, device drivers, offline
 * desk, server link): serial callbacks hop onto it, its timers are the only timers. Deployed as a
 * worker, so the outbox and the offline desk may fsync where they stand, one task at a time.
 */
public final class AgentVerticle extends VerticleBase {

  private final AgentOptions options;
  private final Backoff linkBackoff;
  private Devices devices;
  private AgentLink link;
  private LocalTicketEndpoint endpoint;

  public AgentVerticle(AgentOptions options, Backoff linkBackoff) {
    this.options = options;
    this.linkBackoff = linkBackoff;
  }

  @Override
  public Future<?> start() {
    PrinterProfile profile =
        PrinterProfile.named(options.printerProfile())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown printer profile " + options.printerProfile()));
    Outbox outbox = new Outbox(options.dataDir().resolve("outbox"));
    OutgoingMessages outgoing = new OutgoingMessages(outbox);
    DeviceStatus status = new DeviceStatus(outgoing);
    devices = new Devices(context, options, profile, status, outbox, padReports(outgoing, status));
    Printing printing =
        new Printing(
            devices.printer(),
            new TicketEncoder(profile),
            status,
            outgoing,
            Clock.systemUTC(),
            options.server());
    OfflineFallback offline = new OfflineFallback(offlineDesk(), outbox, outgoing, printing);
    Routing routing = new Routing(printing, devices.pad(), devices.display(), offline, status);
    link = new AgentLink(vertx, options.server(), options.token(), outgoing, routing, linkBackoff);
    endpoint = new LocalTicketEndpoint(vertx, offline, link::isUp);
    return Future.join(devices.start(), endpoint.listen(options.localPort()))
        .onSuccess(v -> link.start());
  }

  @Override
  public Future<?> stop() {
    Future<?> closing = Future.join(link.stop(), endpoint.close());
    devices.close();
    return closing;
  }

  /** The one way in from other threads: asked on the context, answered later. */
  Future<Boolean> linkUp() {
    Promise<Boolean> up = Promise.promise();
    context.runOnContext(v -> up.complete(link.isUp()));
    return up.future();
  }

  /** Set while the verticle starts and never again, so another thread may read it once started. */
  PrinterSimulator printerSimulator() {
    return devices.printerSimulator();
  }

  PadSimulator padSimulator() {
    return devices.padSimulator();
  }

  private OfflineDesk offlineDesk() {
    return new OfflineDesk(
        new OfflineStore(options.dataDir().resolve("offline.json")),
        Clock.systemUTC(),
        Agent.HALL_ZONE);
  }

  /** A pad's ratings are already on disk when they arrive here; its states are device status. */
  private static PadListener padReports(OutgoingMessages outgoing, DeviceStatus status) {
    return new PadListener() {
      @Override
      public void onRating(PadRating rating, OutboxMessage message) {
        outgoing.sendDurable(message);
      }

      @Override
      public void onRatingTimeout(long recordId, OutboxMessage message) {
        outgoing.sendDurable(message);
      }

      @Override
      public void onPadStatus(String s, String detail) {
        status.changed(DeviceStatus.PAD, s, detail);
      }
    };
  }
}
