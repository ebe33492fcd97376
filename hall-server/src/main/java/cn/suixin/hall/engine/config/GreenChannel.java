package cn.suixin.hall.engine.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A time-boxed priority lane (绿色通道), e.g. ID cards for gaokao candidates.
 *
 * @param proof what a citizen shows to use it (准考证, 学生证...)
 * @param dailyQuota green tickets a day, 0 for no limit
 */
public record GreenChannel(
    ChannelId id,
    String name,
    String nameEn,
    List<DateRange> periods,
    Set<MatterCode> matters,
    String proof,
    String proofEn,
    int dailyQuota,
    FairnessBound fairness) {

  public GreenChannel {
    periods = List.copyOf(periods);
    matters = Set.copyOf(matters);
  }

  public boolean activeOn(LocalDate day) {
    return periods.stream().anyMatch(p -> p.contains(day));
  }

  public boolean covers(MatterCode matter) {
    return matters.contains(matter);
  }
}
