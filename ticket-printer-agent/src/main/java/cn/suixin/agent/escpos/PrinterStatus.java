package cn.suixin.agent.escpos;

/**
 * A printer's state as read with DLE EOT. Declared from least to most severe, so several replies
 * combine by taking the worst; a specific cause (cover, paper) ranks above the plain offline bit.
 */
public enum PrinterStatus {
  OK,
  PAPER_NEAR_END,
  OFFLINE,
  PAPER_OUT,
  COVER_OPEN,
  /** An auto-recoverable error, or an error bit with no cause given. */
  ERROR,
  CUTTER_ERROR,
  UNRECOVERABLE,
  INVALID_REPLY,
  NO_REPLY,
  /** The serial port itself is gone; not a printer answer. */
  PORT_LOST;

  public PrinterStatus worse(PrinterStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Whether a ticket can still be printed in this state. */
  public boolean canPrint() {
    return this == OK || this == PAPER_NEAR_END;
  }
}
