package cn.suixin.agent.offline;

/** Why no offline number could be issued. */
public enum OfflineRejection {
  /** The server never reserved numbers for this matter and day. */
  NO_BLOCK,
  /** Every reserved number for this matter and day is used. */
  BLOCKS_EXHAUSTED
}
