package cn.suixin.hall.engine.config;

import java.time.Duration;
import java.util.Set;

/**
 * A matter (事项) a hall serves.
 *
 * @param prefix ticket prefix; matters may share one, numbering is per prefix
 * @param legalDays time limit set by law, in days
 * @param promisedDays time limit the bureau promises (时限压缩 compares the two)
 * @param dailyQuota tickets a day, 0 for no limit
 * @param typicalService service time assumed until the hall has measured its own
 */
public record Matter(
    MatterCode code,
    String name,
    String nameEn,
    String prefix,
    Category category,
    int legalDays,
    int promisedDays,
    Set<MatterFlag> flags,
    int dailyQuota,
    Duration typicalService) {

  public Matter {
    flags = Set.copyOf(flags);
  }

  public boolean has(MatterFlag flag) {
    return flags.contains(flag);
  }
}
