package cn.suixin.hall.server.hall;

/**
 * Where the owner of a hall stands, which says what it does with a command or query arriving now.
 */
enum OwnerPhase {
  /**
   * Reading its snapshot and journal, at start or after a failed append: commands get a 503,
   * queries wait.
   */
  RECOVERING,
  /** Nothing being written: a command starts a batch, a query is answered. */
  SERVING,
  /** A batch is being appended: commands queue for the next one, queries wait for durable state. */
  WRITING,
  /**
   * Another node owns the hall now: nothing more is written here, until ownership stops this
   * writer.
   */
  FENCED_OFF;

  boolean takesCommands() {
    return this == SERVING || this == WRITING;
  }

  /** Whether a command may start a batch now: one batch at a time, never while rebuilding. */
  boolean startsBatches() {
    return this == SERVING;
  }

  /** Whether a query sees only durable state if answered now. */
  boolean answersQueries() {
    return this == SERVING;
  }

  /** Whether the state in memory is the hall's, fit for a snapshot when stopping. */
  boolean holdsTheHall() {
    return this == SERVING || this == WRITING;
  }
}
