package cn.suixin.agent;

import cn.suixin.agent.device.LoggingWindowDisplay;
import cn.suixin.agent.device.PadListener;
import cn.suixin.agent.device.PrinterDriver;
import cn.suixin.agent.device.RatingPadDriver;
import cn.suixin.agent.device.TextLineWindowDisplay;
import cn.suixin.agent.device.WindowDisplay;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.serial.JSerialCommLink;
import cn.suixin.agent.serial.ReconnectingSerialLink;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialSettings;
import cn.suixin.agent.sim.PadSimulator;
import cn.suixin.agent.sim.PrinterSimulator;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The serial devices of one kiosk or counter PC as the options name them: real ports, kept open
 * across unplugging; simulators for the ones not given with --simulate; or none. Made, started and
 * closed on the agent's context.
 */
final class Devices {

  private static final long PRINTER_POLL_MILLIS = 5000;
  private static final long DISPLAY_REFRESH_MILLIS = 10_000;
  private static final long SIMULATED_TICKETS_LOG_MILLIS = 500;
  private static final LongSupplier MONOTONIC_MILLIS = () -> System.nanoTime() / 1_000_000;

  private final Context context;
  private final AgentOptions options;
  private final PrinterProfile profile;
  private final PrinterDriver printer;
  private final RatingPadDriver pad;
  private final WindowDisplay display;
  private PrinterSimulator printerSimulator;
  private PadSimulator padSimulator;
  private long simulatedTicketsLog = -1;

  Devices(
      Context context,
      AgentOptions options,
      PrinterProfile profile,
      DeviceStatus status,
      Outbox outbox,
      PadListener padListener) {
    this.context = context;
    this.options = options;
    this.profile = profile;
    SerialLink printerLink = printerLink();
    printer =
        printerLink == null
            ? null
            : new PrinterDriver(
                context,
                printerLink,
                s -> status.report(DeviceStatus.PRINTER, s.name(), ""),
                PRINTER_POLL_MILLIS);
    SerialLink padLink = padLink();
    pad =
        padLink == null
            ? null
            : new RatingPadDriver(
                context, padLink, options.padAddress(), outbox, padListener, MONOTONIC_MILLIS);
    display =
        options.windowDisplayPort() == null
            ? new LoggingWindowDisplay()
            : new TextLineWindowDisplay(
                context,
                reconnecting(SerialSettings.pad(options.windowDisplayPort())),
                DISPLAY_REFRESH_MILLIS,
                MONOTONIC_MILLIS);
  }

  /** Simulators first, so they answer the drivers' first words. */
  Future<Void> start() {
    List<Future<?>> simulators = new ArrayList<>();
    if (printerSimulator != null) {
      simulators.add(printerSimulator.start());
      simulatedTicketsLog =
          context
              .owner()
              .setPeriodic(SIMULATED_TICKETS_LOG_MILLIS, id -> printerSimulator.logNewTickets());
    }
    if (padSimulator != null) {
      simulators.add(padSimulator.start());
      simulators.add(padSimulator.setAutoPress(5, 2000));
    }
    return Future.all(simulators)
        .compose(
            v -> {
              try {
                if (printer != null) {
                  printer.start();
                }
                if (pad != null) {
                  pad.start();
                }
                if (display instanceof TextLineWindowDisplay screen) {
                  screen.start();
                }
                return Future.succeededFuture();
              } catch (Exception e) {
                return Future.failedFuture(e);
              }
            });
  }

  /** Null on a PC without a printer. */
  PrinterDriver printer() {
    return printer;
  }

  /** Null on a PC without a rating pad (a kiosk). */
  RatingPadDriver pad() {
    return pad;
  }

  WindowDisplay display() {
    return display;
  }

  PrinterSimulator printerSimulator() {
    return printerSimulator;
  }

  PadSimulator padSimulator() {
    return padSimulator;
  }

  void close() {
    context.owner().cancelTimer(simulatedTicketsLog);
    display.close();
    for (AutoCloseable device :
        new AutoCloseable[] {printer, pad, printerSimulator, padSimulator}) {
      if (device != null) {
        try {
          device.close();
        } catch (Exception ignored) {
          // shutting down anyway
        }
      }
    }
  }

  private SerialLink printerLink() {
    if (options.printerPort() != null) {
      return reconnecting(SerialSettings.printer(options.printerPort(), options.printerBaud()));
    }
    if (!options.simulate()) {
      return null;
    }
    InMemorySerialPair pair = new InMemorySerialPair("printer");
    printerSimulator = new PrinterSimulator(context, pair.deviceEnd(), profile.charset());
    return pair.agentEnd();
  }

  private SerialLink padLink() {
    if (options.padPort() != null) {
      return reconnecting(SerialSettings.pad(options.padPort()));
    }
    if (!options.simulate()) {
      return null;
    }
    InMemorySerialPair pair = new InMemorySerialPair("pad");
    padSimulator = new PadSimulator(context, pair.deviceEnd(), options.padAddress());
    return pair.agentEnd();
  }

  private SerialLink reconnecting(SerialSettings settings) {
    return new ReconnectingSerialLink(
        context, new JSerialCommLink(settings), new Backoff(500, 30_000));
  }
}
