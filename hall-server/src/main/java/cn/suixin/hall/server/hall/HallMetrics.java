package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.HallState;
import cn.suixin.hall.engine.config.Matter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A hall's meters: tickets issued, waiting per matter, command and journal latency. */
final class HallMetrics {
  private final Counter issued;
  private final Timer command;
  private final Timer journal;
  private final Map<String, AtomicInteger> waiting = new HashMap<>();

  HallMetrics(MeterRegistry registry, HallState state) {
    String hall = state.config().id().value();
    issued =
        Counter.builder("suixin_tickets_issued")
            .description("Tickets issued")
            .tag("hall", hall)
            .register(registry);
    command =
        Timer.builder("suixin_command")
            .description("From a command's arrival to its durable reply")
            .tag("hall", hall)
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    journal =
        Timer.builder("suixin_journal_append")
            .description("One group-commit append")
            .tag("hall", hall)
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    for (Matter m : state.config().matters().values()) {
      AtomicInteger gauge = new AtomicInteger();
      waiting.put(m.code().value(), gauge);
      registry.gauge(
          "suixin_waiting",
          io.micrometer.core.instrument.Tags.of("hall", hall, "matter", m.code().value()),
          gauge);
    }
  }

  void issued(int n) {
    issued.increment(n);
  }

  void command(long nanos) {
    command.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void journal(long nanos) {
    journal.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void refresh(HallState state) {
    state.config().matters().keySet().forEach(m -> waiting.get(m.value()).set(state.waiting(m)));
  }
}
