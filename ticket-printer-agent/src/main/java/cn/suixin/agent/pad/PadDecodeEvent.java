package cn.suixin.agent.pad;

/** What the decoder found in the bytes fed to it: a frame or an error, in stream order. */
public sealed interface PadDecodeEvent {

  record Frame(PadFrame frame) implements PadDecodeEvent {}

  record Error(PadDecodeError error) implements PadDecodeEvent {}
}
