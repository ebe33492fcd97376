package cn.suixin.agent.pad;

/**
 * A citizen's press on the pad.
 *
 * @param recordId the service record (办件) being rated, u32
 * @param level 1 非常不满意 .. 5 非常满意
 * @param reasons bit set of reasons, required by the 好差评 rules for levels 1 and 2
 */
public record PadRating(long recordId, int level, int reasons) {

  public boolean isValid() {
    return level >= 1
        && level <= 5
        && recordId >= 0
        && recordId <= 0xFFFFFFFFL
        && reasons >= 0
        && reasons <= 0xFFFF;
  }
}
