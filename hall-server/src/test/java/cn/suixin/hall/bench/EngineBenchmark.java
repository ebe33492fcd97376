package cn.suixin.hall.bench;

import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.config.Category;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.HallId;
import cn.suixin.hall.engine.config.HallRules;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.OpeningHours;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.engine.config.WindowKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue and call-next on a hall of 50 matters and 40 windows holding a steady number of waiting
 * tickets: each invocation issues one ticket, calls the next one at a window and finishes it, so
 * the queue stays at its size. Scores are commands per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class EngineBenchmark {
  private static final int MATTERS = 50;
  private static final int WINDOWS = 40;

  @Param({"10000", "100000"})
  int waiting;

  private HallEngine engine;
  private MatterCode[] matters;
  private WindowId[] windows;
  private SplittableRandom random;
  private Instant now;
  private int nextWindow;

  @Setup(Level.Iteration)
  public void fillHall() {
    HallConfig config = hall();
    engine = new HallEngine(config);
    matters = config.matters().keySet().toArray(MatterCode[]::new);
    windows = config.windows().keySet().toArray(WindowId[]::new);
    random = new SplittableRandom(42);
    now = Instant.parse("2026-11-24T16:05:00Z"); // 00:05 in Suining: the whole business day ahead
    for (WindowId w : windows) {
      must(
          engine.execute(
              new HallCommand.SignIn(w, new Clerk("S" + w.value(), "窗口" + w.value())), now));
    }
    for (int i = 0; i < waiting; i++) {
      issue();
    }
  }

  @Benchmark
  @OperationsPerInvocation(3)
  public long issueCallFinish() {
    issue();
    WindowId w = windows[nextWindow++ % WINDOWS];
    tick();
    CommandResult called = engine.execute(new HallCommand.CallNext(w), now);
    tick();
    CommandResult finished = engine.execute(new HallCommand.FinishService(w, DONE), now);
    return called.events().size() + finished.events().size();
  }

  private static final Outcome DONE = new Outcome.Done();

  private void issue() {
    tick();
    must(engine.execute(HallCommand.IssueTicket.walkIn(matters[random.nextInt(MATTERS)]), now));
  }

  private void tick() {
    now = now.plusNanos(20_000);
  }

  private static void must(CommandResult r) {
    if (!r.accepted()) {
      throw new IllegalStateException(r.rejection().toString());
    }
  }

  /** 50 matters in 8 categories; each window serves 6 of them with weights 1..10. */
  static HallConfig hall() {
    Map<MatterCode, Matter> matters = new LinkedHashMap<>();
    Category[] categories = Category.values();
    for (int i = 0; i < MATTERS; i++) {
      MatterCode code = new MatterCode("M" + i);
      String prefix = "" + (char) ('A' + i / 10) + (char) ('A' + i % 10);
      matters.put(
          code,
          new Matter(
              code,
              "事项" + i,
              "Matter " + i,
              prefix,
              categories[i % categories.length],
              20,
              10,
              Set.of(),
              0,
              Duration.ofMinutes(6)));
    }
    Map<WindowId, Window> windows = new LinkedHashMap<>();
    SplittableRandom r = new SplittableRandom(7);
    for (int w = 0; w < WINDOWS; w++) {
      Map<MatterCode, Integer> weights = new HashMap<>();
      weights.put(new MatterCode("M" + (w % MATTERS)), 10);
      weights.put(new MatterCode("M" + ((w + 10) % MATTERS)), 10);
      while (weights.size() < 6) {
        weights.put(new MatterCode("M" + r.nextInt(MATTERS)), 1 + r.nextInt(10));
      }
      WindowId id = new WindowId(Integer.toString(w + 1));
      windows.put(
          id,
          new Window(
              id,
              (w + 1) + "号窗口",
              "Window " + (w + 1),
              WindowKind.COMPREHENSIVE,
              weights,
              Optional.empty()));
    }
    return new HallConfig(
        new HallId("bench"),
        "基准大厅",
        "Benchmark hall",
        ZoneId.of("Asia/Shanghai"),
        "",
        matters,
        windows,
        Map.of(),
        OpeningHours.alwaysOpen(),
        HallRules.defaults());
  }
}
