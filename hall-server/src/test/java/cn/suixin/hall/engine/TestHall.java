package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.Category;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.DateRange;
import cn.suixin.hall.engine.config.ExtraSession;
import cn.suixin.hall.engine.config.FairnessBound;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.HallId;
import cn.suixin.hall.engine.config.HallRules;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.MatterFlag;
import cn.suixin.hall.engine.config.OpeningHours;
import cn.suixin.hall.engine.config.Session;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.engine.config.WindowKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small hall with every kind of rule, built in code so engine tests need no files. */
final class TestHall {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final MatterCode PASSPORT = new MatterCode("EE-PASSPORT");
  static final MatterCode ID_CARD = new MatterCode("HH-ID-RENEW");
  static final MatterCode VEHICLE = new MatterCode("TV-TRANSFER");
  static final MatterCode LICENCE = new MatterCode("TL-RENEW");
  static final WindowId W1 = new WindowId("1");
  static final WindowId W2 = new WindowId("2");
  static final WindowId W3 = new WindowId("3");
  static final WindowId W9 = new WindowId("9");
  static final ChannelId GAOKAO = new ChannelId("gaokao");
  static final ChannelId MIGRANT = new ChannelId("migrant");

  /** A Wednesday. */
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  private TestHall() {}

  static HallConfig config() {
    return config(HallRules.defaults(), 0);
  }

  static HallConfig config(HallRules rules, int idCardQuota) {
    Map<MatterCode, Matter> matters = new LinkedHashMap<>();
    matters.put(PASSPORT, matter(PASSPORT, "普通护照", "A", Category.EXIT_ENTRY, 0));
    matters.put(ID_CARD, matter(ID_CARD, "居民身份证换领", "B", Category.HOUSEHOLD_ID, idCardQuota));
    matters.put(VEHICLE, matter(VEHICLE, "机动车转移登记", "F", Category.TRAFFIC_VEHICLE, 0));
    matters.put(LICENCE, matter(LICENCE, "驾驶证换证", "F", Category.TRAFFIC_LICENCE, 0));
    Map<WindowId, Window> windows = new LinkedHashMap<>();
    windows.put(W1, window(W1, WindowKind.COMPREHENSIVE, Map.of(PASSPORT, 5, ID_CARD, 3)));
    windows.put(W2, window(W2, WindowKind.DEDICATED, Map.of(ID_CARD, 5)));
    windows.put(W3, window(W3, WindowKind.DEDICATED, Map.of(VEHICLE, 5, LICENCE, 5)));
    windows.put(
        W9,
        new Window(
            W9,
            "9号窗口",
            "Window 9",
            WindowKind.COMPREHENSIVE,
            Map.of(PASSPORT, 1),
            Optional.of(
                new OpeningHours(
                    List.of(
                        new Session(
                            EnumSet.allOf(DayOfWeek.class),
                            LocalTime.of(9, 0),
                            LocalTime.of(12, 0))),
                    List.of(),
                    Set.of(),
                    false))));
    Map<ChannelId, GreenChannel> channels = new LinkedHashMap<>();
    channels.put(
        GAOKAO,
        new GreenChannel(
            GAOKAO,
            "高考考生身份证",
            "Gaokao candidates",
            List.of(new DateRange(DAY.minusDays(3), DAY.plusDays(3))),
            Set.of(ID_CARD),
            "准考证",
            "Admission ticket",
            3,
            new FairnessBound(Duration.ofMinutes(20), 2)));
    channels.put(
        MIGRANT,
        new GreenChannel(
            MIGRANT,
            "返乡民工",
            "Returning migrant workers",
            List.of(new DateRange(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 20))),
            Set.of(ID_CARD, LICENCE),
            "务工证明",
            "Proof of work",
            0,
            new FairnessBound(Duration.ofMinutes(30), 1)));
    OpeningHours hours =
        new OpeningHours(
            List.of(
                new Session(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(9, 0),
                    LocalTime.of(12, 0)),
                new Session(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(13, 0),
                    LocalTime.of(17, 30))),
            List.of(
                new ExtraSession(
                    LocalDate.of(2026, 11, 28), LocalTime.of(9, 0), LocalTime.of(12, 0), "周末专场")),
            Set.of(LocalDate.of(2026, 11, 27)),
            false);
    return new HallConfig(
        new HallId("test"),
        "测试大厅",
        "Test hall",
        ZONE,
        "遂宁",
        matters,
        windows,
        channels,
        hours,
        rules);
  }

  private static Matter matter(
      MatterCode code, String name, String prefix, Category category, int quota) {
    return new Matter(
        code,
        name,
        code.value(),
        prefix,
        category,
        20,
        10,
        Set.of(MatterFlag.DELEGATED),
        quota,
        Duration.ofMinutes(6));
  }

  private static Window window(WindowId id, WindowKind kind, Map<MatterCode, Integer> weights) {
    return new Window(
        id, id.value() + "号窗口", "Window " + id.value(), kind, weights, Optional.empty());
  }
}
