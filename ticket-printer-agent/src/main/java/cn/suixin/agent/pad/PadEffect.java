package cn.suixin.agent.pad;

/** What the pad session asks its driver to do or tells it, in the order to act on. */
public sealed interface PadEffect {

  /** Write this frame to the line. */
  record Transmit(PadFrame frame) implements PadEffect {}

  /** A new frame from the pad, delivered once; comes before its ACK so it can be stored first. */
  record Received(PadFrame frame) implements PadEffect {}

  /** The pad acknowledged a frame we sent. */
  record Confirmed(PadFrame frame, int status) implements PadEffect {}

  /** The pad refused a frame we sent. */
  record Refused(PadFrame frame, int status) implements PadEffect {}

  /** No acknowledgement after every retry. */
  record Failed(PadFrame frame) implements PadEffect {}
}
