package cn.suixin.hall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.FairnessBound;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the engine over random command sequences on a hall open around the clock. */
class HallProperties {
  private static final HallConfig CONFIG = TestHall.config().alwaysOpen();
  private static final List<MatterCode> MATTERS = List.copyOf(CONFIG.matters().keySet());
  private static final List<WindowId> WINDOWS = List.copyOf(CONFIG.windows().keySet());

  /** One random step; its numbers pick a matter, a window or a ticket when it runs. */
  record Step(int kind, int a, int b) {}

  @Provide
  Arbitrary<Step> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 30),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(0, 1000))
        .as(Step::new);
  }

  @Property(tries = 300)
  @Label("no ticket is ever called by two windows at once")
  void no_ticket_at_two_windows(
      @ForAll @Size(max = 300) List<@net.jqwik.api.From("steps") Step> steps) {
    Run run = new Run();
    for (Step s : steps) {
      run.step(s);
      Set<TicketId> current = new HashSet<>();
      for (WindowState w : run.hall.state().windows()) {
        if (w.current() != null) {
          assertThat(current.add(w.current().id())).as("ticket at two windows").isTrue();
          assertThat(w.current().window()).isEqualTo(w.id());
          assertThat(w.current().status()).isIn(TicketStatus.CALLED, TicketStatus.SERVING);
        }
      }
    }
  }

  @Property(tries = 300)
  @Label("no number is reused within a business day")
  void numbers_unique_per_day(
      @ForAll @Size(max = 300) List<@net.jqwik.api.From("steps") Step> steps) {
    Run run = new Run();
    steps.forEach(run::step);
    Map<LocalDate, Set<String>> byDay = new HashMap<>();
    LocalDate day = null;
    for (SequencedEvent e : run.hall.journal) {
      if (e.event() instanceof HallEvent.BusinessDayStarted d) {
        day = d.day();
      } else if (e.event() instanceof HallEvent.TicketIssued t) {
        assertThat(byDay.computeIfAbsent(day, k -> new HashSet<>()).add(t.number()))
            .as("number %s twice on %s", t.number(), day)
            .isTrue();
      }
    }
  }

  @Property(tries = 300)
  @Label("replaying the events equals the live state")
  void replay_equals_live(@ForAll @Size(max = 300) List<@net.jqwik.api.From("steps") Step> steps) {
    Run run = new Run();
    steps.forEach(run::step);
    HallEngine replayed = HallEngine.replay(CONFIG, run.hall.journal);
    assertThat(replayed.state().fingerprint()).isEqualTo(run.hall.state().fingerprint());
  }

  @Property(tries = 300)
  @Label("a hall restored from its image at any point decides and ends exactly as the live one")
  void image_restores_the_hall(
      @ForAll @Size(max = 300) List<@net.jqwik.api.From("steps") Step> steps,
      @ForAll @IntRange(min = 0, max = 300) int cut) {
    Run live = new Run();
    int k = Math.min(cut, steps.size());
    steps.subList(0, k).forEach(live::step);
    Run restored = live.twin(HallEngine.restore(CONFIG, ImageTrip.of(live.hall.engine)));
    assertThat(restored.hall.state().fingerprint()).isEqualTo(live.hall.state().fingerprint());
    for (Step s : steps.subList(k, steps.size())) {
      live.step(s);
      restored.step(s);
      assertThat(restored.hall.journal)
          .as("events after %s", s)
          .isEqualTo(
              live.hall.journal.subList(
                  live.hall.journal.size() - restored.hall.journal.size(),
                  live.hall.journal.size()));
    }
    assertThat(restored.hall.state().fingerprint()).isEqualTo(live.hall.state().fingerprint());
  }

  @Property(tries = 300)
  @Label("a green channel never delays a regular ticket beyond its configured bound")
  void green_channel_respects_fairness(
      @ForAll @Size(max = 300) List<@net.jqwik.api.From("steps") Step> steps) {
    Run run = new Run();
    for (Step s : steps) {
      if (s.kind() < 6) {
        WindowId w = WINDOWS.get(s.a() % WINDOWS.size());
        WindowState window = run.hall.state().window(w);
        int runBefore = window.greenInARow;
        Ticket oldest = WeightedWaitPolicy.oldest(run.hall.state(), window);
        CommandResult r = run.hall.run(new HallCommand.CallNext(w));
        for (SequencedEvent e : r.events()) {
          if (e.event() instanceof HallEvent.TicketCalled c && c.rule() == PickRule.GREEN_CHANNEL) {
            Ticket green = run.hall.state().ticket(c.ticket());
            FairnessBound bound = CONFIG.greenChannels().get(green.greenChannel()).fairness();
            boolean overdue =
                oldest != null
                    && Duration.between(oldest.arrival(), e.at()).compareTo(bound.regularMaxWait())
                        >= 0;
            assertThat(overdue && runBefore >= bound.maxGreenInARow())
                .as("green call %d in a row while %s waited past the bound", runBefore + 1, oldest)
                .isFalse();
          }
        }
      } else {
        run.step(s);
      }
    }
  }

  /** Interprets steps against a live hall; refusals are fine, they change nothing. */
  static final class Run {
    final HallDriver hall;
    final List<TicketId> issued = new ArrayList<>();

    Run() {
      this(new HallDriver(CONFIG, TestHall.DAY, LocalTime.of(8, 0)));
      for (WindowId w : WINDOWS) {
        hall.run(new HallCommand.SignIn(w, new Clerk("c" + w.value(), "n")));
      }
    }

    private Run(HallDriver hall) {
      this.hall = hall;
    }

    /** The same run continued on another engine from here on. */
    Run twin(HallEngine engine) {
      Run twin = new Run(new HallDriver(engine, hall));
      twin.issued.addAll(issued);
      return twin;
    }

    void step(Step s) {
      WindowId w = WINDOWS.get(s.a() % WINDOWS.size());
      MatterCode m = MATTERS.get(s.b() % MATTERS.size());
      switch (s.kind()) {
        case 0, 1, 2, 3, 4, 5 -> hall.run(new HallCommand.CallNext(w));
        case 6, 7, 8 ->
            issue(
                m,
                s.a() % 2 == 0 ? TestHall.GAOKAO : null,
                s.a() % 5 == 0 ? "p" + s.b() % 7 : null);
        case 9 -> hall.run(new HallCommand.FinishService(w, new Outcome.Done()));
        case 10 -> hall.run(new HallCommand.StartService(w));
        case 11 -> hall.run(new HallCommand.MarkNoShow(w));
        case 12 ->
            hall.run(
                new HallCommand.Transfer(
                    w,
                    s.b() % 2 == 0 ? m : null,
                    s.b() % 2 == 1 ? WINDOWS.get(s.b() % WINDOWS.size()) : null,
                    "t"));
        case 13 -> hall.run(new HallCommand.Park(w));
        case 14 -> pickTicket(s.b()).ifPresent(t -> hall.run(new HallCommand.ResumeParked(w, t)));
        case 15 ->
            pickTicket(s.b()).ifPresent(t -> hall.run(new HallCommand.Redirect(t, m, "r", "G")));
        case 16 -> pickTicket(s.b()).ifPresent(t -> hall.run(new HallCommand.CancelTicket(t, "c")));
        case 17 ->
            hall.run(
                s.b() % 2 == 0
                    ? new HallCommand.PauseWindow(w, "p")
                    : new HallCommand.ResumeWindow(w));
        case 18 -> hall.run(new HallCommand.SignIn(w, new Clerk("c" + s.b() % 6, "n")));
        case 19 ->
            hall.run(s.b() % 3 == 0 ? new HallCommand.SignOut(w) : new HallCommand.Recall(w));
        case 20 -> hall.later(Duration.ofSeconds(1 + s.b() * 3L));
        case 22 ->
            hall.run(
                new HallCommand.RecordRating(
                    new ServiceRecordId(1 + s.b() % 40),
                    1 + s.a() % 5,
                    s.a() % 3,
                    s.a() % 4 == 0 ? "态度不好" : null));
        case 23 -> hall.run(new HallCommand.FinishService(w, outcome(s.b())));
        case 24 -> hall.run(new HallCommand.RemapWindow(w, Map.of(m, 1 + s.b() % 5)));
        case 25 ->
            hall.run(
                s.b() % 2 == 0
                    ? new HallCommand.CloseWindow(w, "x")
                    : new HallCommand.OpenWindow(w));
        case 26 -> hall.run(new HallCommand.SetNotice("今日通知 " + s.b()));
        case 27 ->
            hall.run(
                new HallCommand.ReserveNumberBlock(
                    new DeviceId("kiosk" + s.a() % 2), m, 1 + s.b() % 9));
        case 28 -> admitOffline(s);
        case 29 ->
            pickTicket(s.b())
                .ifPresent(
                    t ->
                        hall.run(
                            new HallCommand.GrantGreenChannel(t, TestHall.GAOKAO, "G", "准考证")));
        default ->
            hall.later(s.b() % 50 == 0 ? Duration.ofHours(20) : Duration.ofMinutes(s.b() % 15));
      }
    }

    private static Outcome outcome(int b) {
      return switch (b % 4) {
        case 0 -> new Outcome.PendingMaterials(List.of("户口簿复印件"), TestHall.DAY.plusDays(3));
        case 1 -> new Outcome.Referred("出入境窗口");
        case 2 -> new Outcome.NotDone("材料不全");
        default -> new Outcome.Done();
      };
    }

    /**
     * A kiosk hands over a ticket it issued offline from one of its blocks, if it has one today.
     */
    private void admitOffline(Step s) {
      long blockId = 1 + s.b() % 3;
      NumberBlock block = hall.state().block(blockId);
      if (block != null) {
        int number = block.from() + s.a() % (block.to() - block.from() + 1);
        hall.run(
            new HallCommand.AdmitOfflineTickets(
                block.device(),
                blockId,
                List.of(new HallCommand.OfflineTicket(number, hall.now.minusSeconds(60)))));
      }
    }

    private void issue(MatterCode m, ChannelId green, String person) {
      CommandResult r =
          hall.run(
              new HallCommand.IssueTicket(
                  m,
                  TicketSource.KIOSK,
                  1,
                  person,
                  green,
                  green == null ? null : "准考证",
                  null,
                  null,
                  null));
      r.events().stream()
          .filter(e -> e.event() instanceof HallEvent.TicketIssued)
          .forEach(e -> issued.add(((HallEvent.TicketIssued) e.event()).ticket()));
    }

    private java.util.Optional<TicketId> pickTicket(int k) {
      return issued.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(issued.get(k % issued.size()));
    }
  }
}
