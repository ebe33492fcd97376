package cn.suixin.hall.server.codec;

/**
 * A journal record in a format version newer than this server reads: a newer server wrote it and
 * this one was started on the same data (a rollback, a mixed cluster). Nothing is damaged, so
 * nothing may be cut or repaired; the hall stays closed until a server that reads it takes over.
 */
public final class UnknownJournalFormatException extends RuntimeException {
  private final long seq;
  private final long version;
  private final int newestKnown;

  UnknownJournalFormatException(long seq, long version, int newestKnown) {
    super(
        "the event of seq "
            + seq
            + " is in journal format version "
            + version
            + ", and this server reads"
            + " versions up to "
            + newestKnown
            + ": a newer server wrote it. Nothing was cut or changed and the hall"
            + " stays closed; start it with a server of that version (do not repair the journal: it is not damaged)",
        null,
        false,
        false);
    this.seq = seq;
    this.version = version;
    this.newestKnown = newestKnown;
  }

  public long seq() {
    return seq;
  }

  public long version() {
    return version;
  }

  public int newestKnown() {
    return newestKnown;
  }
}
