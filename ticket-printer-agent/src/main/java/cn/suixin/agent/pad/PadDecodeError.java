package cn.suixin.agent.pad;

/** Why the pad frame decoder dropped bytes. */
public enum PadDecodeError {
  /** Bytes before a start byte that belong to no frame. */
  GARBAGE,
  /** LEN outside 4..244. */
  BAD_LENGTH,
  /** CRC-16/MODBUS mismatch. */
  BAD_CRC,
  /** A partial frame was abandoned after more than 50 ms of silence. */
  GAP_RESET
}
