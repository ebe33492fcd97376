package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.FollowUp;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.PickRule;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-picked events of every type, with each optional field both present and absent. */
final class EventSamples {
  private static final TicketId T = new TicketId("20260601-A001");
  private static final WindowId W = new WindowId("07");
  private static final MatterCode M = new MatterCode("EE-PASSPORT");
  private static final MatterCode M2 = new MatterCode("HH-ID-RENEW");
  private static final ServiceRecordId R = new ServiceRecordId(42);
  private static final Clerk CLERK = new Clerk("051234", "王芳");
  private static final Instant AT = Instant.parse("2026-06-01T01:30:00.123Z");

  private EventSamples() {}

  static List<HallEvent> all() {
    Map<MatterCode, Integer> weights = new LinkedHashMap<>();
    weights.put(M2, 3);
    weights.put(M, 7);
    return List.of(
        new HallEvent.TicketIssued(
            T, "A001", M, TicketSource.KIOSK, 1, null, null, null, null, null, 1, AT),
        new HallEvent.TicketIssued(
            T,
            "A002",
            M2,
            TicketSource.APPOINTMENT,
            3,
            "9f2c",
            new ChannelId("gaokao"),
            "G07",
            new Appointment(AT, AT.plusSeconds(1800)),
            new DeviceId("kiosk-1"),
            77,
            AT.minusSeconds(5)),
        new HallEvent.TicketCalled(T, W, PickRule.GREEN_CHANNEL),
        new HallEvent.TicketRecalled(T, W, 2),
        new HallEvent.ServiceStarted(T, W, R, CLERK),
        new HallEvent.ServiceFinished(T, W, R, new Outcome.Done()),
        new HallEvent.ServiceFinished(
            T, W, R, new Outcome.PendingMaterials(List.of("户口簿", "照片"), LocalDate.of(2026, 6, 4))),
        new HallEvent.ServiceFinished(T, W, R, new Outcome.Referred("出入境窗口")),
        new HallEvent.ServiceFinished(T, W, R, new Outcome.NotDone("材料不全")),
        new HallEvent.TicketNoShow(T, W, true),
        new HallEvent.TicketTransferred(T, W, M2, null, "转综合"),
        new HallEvent.TicketTransferred(T, W, null, new WindowId("08"), ""),
        new HallEvent.TicketParked(T, W),
        new HallEvent.TicketResumed(T, W),
        new HallEvent.TicketRedirected(T, M, M2, "走错", "G07"),
        new HallEvent.GreenChannelGranted(T, new ChannelId("gaokao"), "G07", "准考证"),
        new HallEvent.TicketCancelled(T, "不办了"),
        new HallEvent.WindowPaused(W, "午休"),
        new HallEvent.WindowResumed(W),
        new HallEvent.WindowOpened(W),
        new HallEvent.WindowClosed(W, ""),
        new HallEvent.WindowRemapped(W, weights),
        new HallEvent.ClerkSignedIn(W, CLERK),
        new HallEvent.ClerkSignedOut(W, new Clerk("051235", null)),
        new HallEvent.RatingRecorded(R, 5, 0, null, null),
        new HallEvent.RatingRecorded(
            R, 1, 6, "态度差", new FollowUp(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 8))),
        new HallEvent.NumberBlockReserved(3, new DeviceId("kiosk-1"), M, "A", 501, 550),
        new HallEvent.NoticeChanged("今日下午停电检修"),
        new HallEvent.BusinessDayStarted(LocalDate.of(2026, 6, 1)),
        new HallEvent.EventLost("seq 9 damaged, repaired 2026-06-02"));
  }

  static Instant at() {
    return AT;
  }
}
