package cn.suixin.agent.offline;

/** A block and the next number it will give out ({@code next > block.to()} when used up). */
public record BlockUsage(OfflineBlock block, int next) {

  public int remaining() {
    return Math.max(0, block.to() - next + 1);
  }
}
