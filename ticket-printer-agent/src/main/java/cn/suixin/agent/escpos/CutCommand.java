package cn.suixin.agent.escpos;

/**
 * The cut variants printers accept; which one works differs by model, so it is a profile setting.
 */
public enum CutCommand {
  /** Feeds to the cutter, then cuts partially: the most portable form. GS V 66 0 */
  FEED_AND_PARTIAL_CUT(new byte[] {0x1D, 0x56, 0x42, 0x00}),
  /** Full cut at the current position. GS V 0 */
  FULL_CUT(new byte[] {0x1D, 0x56, 0x00}),
  /** Partial cut at the current position. GS V 1 */
  PARTIAL_CUT(new byte[] {0x1D, 0x56, 0x01});

  private final byte[] bytes;

  CutCommand(byte[] bytes) {
    this.bytes = bytes;
  }

  public byte[] bytes() {
    return bytes.clone();
  }
}
