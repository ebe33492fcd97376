package cn.suixin.hall.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.config.Category;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.HallId;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.MatterFlag;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shipped Suining configuration")
class ShippedConfigTest {
  private static CityConfig city;

  @BeforeAll
  static void load() {
    city = new ConfigLoader().load(Path.of("..", "config"));
  }

  private static HallConfig hall(String id) {
    return city.halls().stream()
        .filter(h -> h.id().equals(new HallId(id)))
        .findFirst()
        .orElseThrow();
  }

  /** Every matter of the city once, whichever hall serves it. */
  private static Collection<Matter> catalogue() {
    Map<MatterCode, Matter> all = new HashMap<>();
    city.halls().forEach(h -> all.putAll(h.matters()));
    return all.values();
  }

  private static long windows(WindowKind kind) {
    return city.halls().stream()
        .flatMap(h -> h.windows().values().stream())
        .filter(w -> w.kind() == kind)
        .count();
  }

  @Test
  @DisplayName("loads Suining with the city hall first and 8 sub-centres, all in Asia/Shanghai")
  void loadsNineHalls() {
    assertThat(city.name()).isEqualTo("遂宁市");
    assertThat(city.halls()).hasSize(9);
    assertThat(city.halls().get(0).id()).isEqualTo(new HallId("city"));
    assertThat(city.halls())
        .allSatisfy(h -> assertThat(h.zone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
  }

  @Test
  @DisplayName("every window of every hall serves only matters its hall knows")
  void windowsServeKnownMatters() {
    for (HallConfig h : city.halls()) {
      for (Window w : h.windows().values()) {
        assertThat(h.matters())
            .as(h.id() + " window " + w.id())
            .containsKeys(w.weights().keySet().toArray(MatterCode[]::new));
        assertThat(w.weights().values()).allSatisfy(weight -> assertThat(weight).isBetween(1, 10));
      }
    }
  }

  @Test
  @DisplayName("compact window matters expand categories and let an explicit code win")
  void compactWeights() {
    Window first = hall("city").windows().values().iterator().next();
    assertThat(first.weights())
        .containsEntry(new MatterCode("HH-ID-RENEW"), 7)
        .containsEntry(new MatterCode("HH-BIRTH"), 6)
        .containsEntry(new MatterCode("TL-RENEW"), 3)
        .doesNotContainKey(new MatterCode("EE-PASSPORT"));
    Window licences =
        hall("city").windows().values().stream()
            .filter(w -> w.id().value().equals("17"))
            .findFirst()
            .orElseThrow();
    assertThat(licences.weights())
        .containsEntry(new MatterCode("TL-RENEW"), WindowReader.LIST_WEIGHT);
  }

  @Test
  @DisplayName("every matter of a hall is served by some window of that hall")
  void everyMatterHasAWindow() {
    for (HallConfig h : city.halls()) {
      assertThat(h.matters().keySet())
          .as(h.id().value())
          .allSatisfy(m -> assertThat(h.windows().values()).anyMatch(w -> w.serves(m)));
    }
  }

  @Test
  @DisplayName("the city hall serves the whole catalogue and sub-centres only delegated matters")
  void cityHallServesAllAndSubCentresDelegated() {
    Collection<Matter> all = catalogue();
    assertThat(all).hasSizeBetween(40, 60);
    assertThat(hall("city").matters()).hasSameSizeAs(all);
    city.halls()
        .subList(1, 9)
        .forEach(
            h ->
                assertThat(h.matters().values())
                    .allMatch(m -> m.has(MatterFlag.DELEGATED))
                    .isNotEmpty());
    assertThat(hall("city").windows()).hasSizeBetween(18, 24);
    city.halls().subList(1, 9).forEach(h -> assertThat(h.windows()).hasSizeBetween(4, 8));
  }

  @Test
  @DisplayName("city-wide counts are plausible for the seed report's figures")
  void cityWideCountsArePlausible() {
    Collection<Matter> all = catalogue();
    long zeroMaterial = all.stream().filter(m -> m.has(MatterFlag.ZERO_MATERIAL)).count();
    assertThat(zeroMaterial).isBetween(10L, 51L);
    assertThat(all.stream().filter(m -> m.has(MatterFlag.CROSS_REGION)).count()).isBetween(8L, 30L);
    assertThat(all.stream().filter(m -> m.has(MatterFlag.DELEGATED)).count())
        .isGreaterThan(all.size() / 2L);
    assertThat(all)
        .allSatisfy(m -> assertThat(m.promisedDays()).isLessThanOrEqualTo(m.legalDays()));
    assertThat(windows(WindowKind.CROSS_REGION)).isEqualTo(11);
    assertThat(windows(WindowKind.COMPLAINT)).isEqualTo(9);
    Map<Category, Long> byCategory =
        all.stream().collect(Collectors.groupingBy(Matter::category, Collectors.counting()));
    assertThat(byCategory).containsOnlyKeys(Category.values());
  }

  @Test
  @DisplayName(
      "each hall serving cross-region matters has a 川渝通办 window and each hall a complaint window")
  void crossRegionAndComplaintWindowsEverywhere() {
    for (HallConfig h : city.halls()) {
      Map<WindowKind, Long> kinds =
          h.windows().values().stream()
              .collect(Collectors.groupingBy(Window::kind, Collectors.counting()));
      assertThat(kinds)
          .as(h.id().value())
          .containsKeys(WindowKind.COMPLAINT, WindowKind.CROSS_REGION);
    }
  }

  @Test
  @DisplayName("halls are open on a Wednesday at 10:00 and closed on a Sunday and on National Day")
  void openingHours() {
    for (HallConfig h : city.halls()) {
      assertThat(h.openingHours().isOpen(LocalDateTime.of(2026, 12, 2, 10, 0)))
          .as(h.id().value())
          .isTrue();
      assertThat(h.openingHours().isOpen(LocalDateTime.of(2026, 12, 6, 10, 0)))
          .as(h.id().value())
          .isFalse();
      assertThat(h.openingHours().isOpen(LocalDateTime.of(2026, 10, 1, 10, 0)))
          .as(h.id().value())
          .isFalse();
      assertThat(h.openingHours().isOpen(LocalDateTime.of(2026, 12, 2, 12, 30)))
          .as("lunch break")
          .isFalse();
    }
  }

  @Test
  @DisplayName(
      "the city hall opens for exit-entry on Saturday mornings and for students on summer weekends")
  void cityHallWeekends() {
    HallConfig h = hall("city");
    LocalDateTime saturdayMorning = LocalDateTime.of(2026, 12, 5, 10, 0);
    LocalDateTime summerSunday = LocalDateTime.of(2026, 7, 12, 14, 0);
    assertThat(h.openingHours().isOpen(saturdayMorning)).isTrue();
    assertThat(h.openingHours().isOpen(summerSunday)).isTrue();
    Map<String, Window> byId =
        h.windows().values().stream()
            .collect(Collectors.toMap(w -> w.id().value(), Function.identity()));
    assertThat(byId.get("07").hours()).isEmpty();
    assertThat(byId.get("01").hours().orElseThrow().isOpen(saturdayMorning)).isFalse();
    assertThat(byId.get("01").hours().orElseThrow().isOpen(summerSunday)).isFalse();
    assertThat(byId.get("01").hours().orElseThrow().isOpen(LocalDateTime.of(2026, 10, 2, 10, 0)))
        .isFalse();
  }

  @Test
  @DisplayName("a make-up working day (调休上班) on a weekend runs the weekday sessions")
  void makeUpWorkingDay() {
    assertThat(hall("anju").openingHours().isOpen(LocalDateTime.of(2026, 10, 10, 15, 0))).isTrue();
  }

  @Test
  @DisplayName("green channels are time-boxed and offered where their matters are served")
  void greenChannels() {
    HallConfig h = hall("city");
    assertThat(h.greenChannels())
        .containsOnlyKeys(
            new ChannelId("gaokao"),
            new ChannelId("hkmo-students"),
            new ChannelId("migrant-workers"));
    assertThat(h.greenChannels().get(new ChannelId("gaokao")).activeOn(LocalDate.of(2026, 6, 1)))
        .isTrue();
    assertThat(h.greenChannels().get(new ChannelId("gaokao")).activeOn(LocalDate.of(2026, 7, 1)))
        .isFalse();
    assertThat(
            h.greenChannels()
                .get(new ChannelId("migrant-workers"))
                .activeOn(LocalDate.of(2027, 2, 1)))
        .isTrue();
    assertThat(hall("pengxi").greenChannels())
        .containsOnlyKeys(new ChannelId("gaokao"), new ChannelId("migrant-workers"));
    assertThat(h.windows().values()).anyMatch(w -> w.kind() == WindowKind.GREEN_CHANNEL);
  }
}
