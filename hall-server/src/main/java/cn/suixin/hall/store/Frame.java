package cn.suixin.hall.store;

/** A frame read back from a file, with where it starts so the caller can index or cut there. */
record Frame(long seq, byte[] payload, long offset) {

  long end() {
    return offset + Frames.HEADER + payload.length;
  }
}
