package cn.suixin.hall.server.view;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.NumberBlock;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.Ticket;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.TicketStatus;
import cn.suixin.hall.engine.WindowState;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * The city hall driven by a seeded random clerk, guide and kiosk: every kind of command, refusals
 * included, over several business days. Each command's result goes to a listener together with the
 * hall's local time, as the hall's owner sees it.
 */
public final class RandomHallDay {
  public static final HallConfig CITY =
      new ConfigLoader()
          .load(Path.of("..", "config")).halls().stream()
              .filter(h -> h.id().value().equals("city"))
              .findFirst()
              .orElseThrow()
              .alwaysOpen();
  private static final List<MatterCode> MATTERS = List.copyOf(CITY.matters().keySet());
  private static final List<WindowId> WINDOWS = List.copyOf(CITY.windows().keySet());
  private static final List<ChannelId> CHANNELS = List.copyOf(CITY.greenChannels().keySet());

  public final HallEngine engine = new HallEngine(CITY);
  private final Random random;
  private final List<TicketId> issued = new ArrayList<>();
  Instant now = LocalDate.of(2026, 6, 1).atTime(8, 30).atZone(CITY.zone()).toInstant();

  public RandomHallDay(long seed) {
    this.random = new Random(seed);
  }

  public LocalDateTime localNow() {
    return LocalDateTime.ofInstant(now, CITY.zone());
  }

  public void run(int steps, BiConsumer<HallCommand, CommandResult> results) {
    // a few windows staffed from the start so that calls happen early
    for (int i = 0; i < 6; i++) {
      HallCommand signIn = new HallCommand.SignIn(WINDOWS.get(i), new Clerk("c" + i, "张" + i));
      results.accept(signIn, execute(signIn));
    }
    for (int i = 0; i < steps; i++) {
      HallCommand c = next();
      if (c != null) {
        results.accept(c, execute(c));
      }
    }
  }

  private CommandResult execute(HallCommand c) {
    CommandResult r = engine.execute(c, now);
    r.events()
        .forEach(
            se -> {
              if (se.event() instanceof HallEvent.TicketIssued t) {
                issued.add(t.ticket());
              }
            });
    return r;
  }

  private HallCommand next() {
    // the first dozen windows see most of the work, so that tickets meet windows that serve them
    WindowId w = WINDOWS.get(random.nextInt(random.nextInt(4) == 0 ? WINDOWS.size() : 12));
    MatterCode m = MATTERS.get(random.nextInt(MATTERS.size()));
    int b = random.nextInt(1000);
    switch (random.nextInt(32)) {
      case 0, 1, 2, 3, 4, 5:
        return new HallCommand.CallNext(w);
      case 6, 7, 8:
        return new HallCommand.IssueTicket(
            m,
            TicketSource.KIOSK,
            1,
            b % 5 == 0 ? "p" + b % 7 : null,
            b % 3 == 0 ? CHANNELS.get(b % CHANNELS.size()) : null,
            b % 3 == 0 ? "准考证" : null,
            null,
            null,
            null);
      case 9, 23:
        return new HallCommand.FinishService(w, outcome(b));
      case 10:
        return new HallCommand.StartService(w);
      case 11:
        return new HallCommand.MarkNoShow(w);
      case 12:
        return new HallCommand.Transfer(
            w, b % 2 == 0 ? m : null, b % 2 == 1 ? WINDOWS.get(b % 12) : null, "转");
      case 13:
        return new HallCommand.Park(w);
      case 14:
        return resumeParked(b);
      case 15:
        return ticket(b) == null ? null : new HallCommand.Redirect(ticket(b), m, "引导", "G1");
      case 16:
        return ticket(b) == null ? null : new HallCommand.CancelTicket(ticket(b), "取消");
      case 17:
        return b % 2 == 0 ? new HallCommand.PauseWindow(w, "暂离") : new HallCommand.ResumeWindow(w);
      case 18:
        return new HallCommand.SignIn(w, new Clerk("c" + b % 14, "李" + b % 14));
      case 19:
        return b % 3 == 0 ? new HallCommand.SignOut(w) : new HallCommand.Recall(w);
      case 20:
        now = now.plusSeconds(1 + b * 3L);
        return null;
      case 22:
        return new HallCommand.RecordRating(
            new ServiceRecordId(1 + b % 60), 1 + b % 5, b % 3, b % 4 == 0 ? "态度不好" : null);
      case 24:
        return new HallCommand.RemapWindow(w, Map.of(m, 1 + b % 5));
      case 25:
        return b % 2 == 0 ? new HallCommand.CloseWindow(w, "下班") : new HallCommand.OpenWindow(w);
      case 26:
        return new HallCommand.SetNotice("今日通知 " + b);
      case 27:
        return new HallCommand.ReserveNumberBlock(new DeviceId("kiosk" + b % 2), m, 1 + b % 9);
      case 28:
        return admitOffline(b);
      case 29:
        return grant(b);
      case 30:
        return new HallCommand.Tick();
      default:
        now = now.plus(b % 97 == 0 ? Duration.ofHours(20) : Duration.ofMinutes(b % 15));
        return null;
    }
  }

  private TicketId ticket(int b) {
    return issued.isEmpty()
        ? null
        : issued.get(issued.size() - 1 - b % Math.min(issued.size(), 40));
  }

  /** Mostly a parked ticket at a free window, sometimes one that is not parked there. */
  private HallCommand resumeParked(int b) {
    for (WindowState w : engine.state().windows()) {
      if (b % 4 != 0 && w.current() == null && !w.parked().isEmpty()) {
        return new HallCommand.ResumeParked(w.id(), w.parked().iterator().next());
      }
    }
    return ticket(b) == null ? null : new HallCommand.ResumeParked(WINDOWS.get(b % 12), ticket(b));
  }

  /** A gaokao candidate found among the waiting, or a random ticket (mostly refused). */
  private HallCommand grant(int b) {
    ChannelId gaokao = new ChannelId("gaokao");
    for (Ticket t : engine.state().tickets()) {
      if (b % 4 != 0
          && t.status() == TicketStatus.WAITING
          && t.greenChannel() == null
          && CITY.greenChannels().get(gaokao).covers(t.matter())) {
        return new HallCommand.GrantGreenChannel(t.id(), gaokao, "G1", "准考证");
      }
    }
    return ticket(b) == null
        ? null
        : new HallCommand.GrantGreenChannel(
            ticket(b), CHANNELS.get(b % CHANNELS.size()), "G1", "准考证");
  }

  private HallCommand admitOffline(int b) {
    NumberBlock block = engine.state().block(1 + b % 3);
    if (block == null) {
      return null;
    }
    int number = block.from() + b % (block.to() - block.from() + 1);
    return new HallCommand.AdmitOfflineTickets(
        block.device(),
        block.id(),
        List.of(new HallCommand.OfflineTicket(number, now.minusSeconds(60))));
  }

  private static Outcome outcome(int b) {
    return switch (b % 4) {
      case 0 -> new Outcome.PendingMaterials(List.of("户口簿复印件"), LocalDate.of(2026, 12, 1));
      case 1 -> new Outcome.Referred("出入境窗口");
      case 2 -> new Outcome.NotDone("材料不全");
      default -> new Outcome.Done();
    };
  }
}
