package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.FencedOffException;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The journal of one hall as the Redis Stream {@code {hall:<id>}:events}, entry ids {@code
 * <seq>-0}, field {@code e} holding the event and {@code c} its checksum ({@link StreamEntry});
 * reading refuses any entry that is not what this writer wrote.
 *
 * <p>Appends are group-committed: while one append script is in flight for this hall, later appends
 * queue and go out together in the next single script call, which checks the owner's fencing token
 * and the sequence and XADDs the whole group atomically. Halls share one pipelined connection for
 * writes. Reads wait for appends submitted before them, then page with XRANGE. State lives on the
 * store's context only.
 */
public final class RedisHallJournal implements HallJournal {

  private static final int MAX_ENTRIES_PER_SCRIPT = 1000;
  private static final int READ_PAGE = 10_000;

  private final String hallId;
  private final HallKeys keys;
  private final StoreContext context;
  private final RedisLink writer;
  private final Function<Request, Future<Response>> reader;
  private final Function<String, Long> tokens;
  private final ArrayDeque<PendingBatch> pending = new ArrayDeque<>();
  private Future<Void> lastSubmitted = Future.succeededFuture();
  private boolean inFlight;
  private long knownLast = -1;
  private long scriptCalls;
  private volatile boolean closing;

  RedisHallJournal(
      String hallId,
      StoreContext context,
      RedisLink writer,
      Function<Request, Future<Response>> reader,
      Function<String, Long> tokens) {
    this.hallId = hallId;
    this.keys = HallKeys.of(hallId);
    this.context = context;
    this.writer = writer;
    this.reader = reader;
    this.tokens = tokens;
  }

  @Override
  public Future<Void> append(List<JournalEntry> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    for (int i = 1; i < batch.size(); i++) {
      if (batch.get(i).seq() != batch.get(i - 1).seq() + 1) {
        return Future.failedFuture(
            new IllegalArgumentException(
                "batch seqs must be contiguous, found "
                    + batch.get(i - 1).seq()
                    + " then "
                    + batch.get(i).seq()));
      }
    }
    List<JournalEntry> entries = List.copyOf(batch);
    return context.call(
        () -> {
          if (closing) {
            return Future.failedFuture(
                new IllegalStateException("journal of " + hallId + " is closed"));
          }
          Promise<Void> durable = Promise.promise();
          pending.add(new PendingBatch(entries, durable));
          lastSubmitted = durable.future();
          flush();
          return durable.future();
        });
  }

  @Override
  public Future<List<JournalEntry>> readFrom(long seqInclusive, int max) {
    return context.call(
        () ->
            afterAppends()
                .compose(v -> readPages(Math.max(1, seqInclusive), max, new ArrayList<>())));
  }

  @Override
  public Future<Long> lastSeq() {
    return context.call(
        () ->
            afterAppends()
                .compose(
                    v ->
                        reader.apply(
                            Request.cmd(Command.XREVRANGE)
                                .arg(keys.events())
                                .arg("+")
                                .arg("-")
                                .arg("COUNT")
                                .arg(1)))
                .map(tail -> tail == null || tail.size() == 0 ? 0L : seqOf(tail.get(0))));
  }

  /** Waits for appends already submitted; later appends are refused. */
  @Override
  public Future<Void> close() {
    return context.call(
        () -> {
          closing = true;
          return afterAppends();
        });
  }

  /** How many append scripts ran: the test hook that shows appends were coalesced. */
  Future<Long> scriptCalls() {
    return context.call(() -> Future.succeededFuture(scriptCalls));
  }

  boolean isClosing() {
    return closing;
  }

  private Future<Void> afterAppends() {
    return lastSubmitted.transform(ar -> Future.succeededFuture());
  }

  private void flush() {
    if (inFlight || pending.isEmpty()) {
      return;
    }
    List<PendingBatch> group = new ArrayList<>();
    List<JournalEntry> entries = new ArrayList<>();
    long next = knownLast >= 0 ? knownLast + 1 : pending.peek().firstSeq();
    while (!pending.isEmpty()) {
      PendingBatch batch = pending.peek();
      if (!group.isEmpty() && entries.size() + batch.entries().size() > MAX_ENTRIES_PER_SCRIPT) {
        break;
      }
      pending.poll();
      long expected = next + entries.size();
      if (batch.firstSeq() != expected) {
        // Typically the successors of a failed batch: the writer rebuilds and retries.
        batch
            .durable()
            .fail(
                new IllegalArgumentException(
                    "journal of "
                        + hallId
                        + " expects seq "
                        + expected
                        + " but the batch starts at "
                        + batch.firstSeq()));
      } else {
        group.add(batch);
        entries.addAll(batch.entries());
      }
    }
    if (group.isEmpty()) {
      return;
    }
    Long token = tokens.apply(hallId);
    if (token == null) {
      IllegalStateException notOwner =
          new IllegalStateException(
              "this node has not acquired hall " + hallId + "; acquire it before appending");
      group.forEach(b -> b.durable().fail(notOwner));
      flush();
      return;
    }
    List<Object> args = new ArrayList<>(2 * entries.size() + 2);
    args.add(token);
    args.add(entries.get(0).seq());
    entries.forEach(
        e -> {
          args.add(e.payload());
          args.add(StreamEntry.crc(e.payload()));
        });
    inFlight = true;
    scriptCalls++;
    writer
        .eval(JournalScripts.APPEND, List.of(keys.events(), keys.owner()), args)
        .onComplete(
            ar -> {
              inFlight = false;
              if (ar.succeeded()) {
                knownLast = ar.result().toLong();
                group.forEach(b -> b.durable().complete());
              } else {
                knownLast =
                    -1; // unknown after a failure: the next script checks against Redis itself
                Throwable cause = translate(ar.cause());
                group.forEach(b -> b.durable().fail(cause));
              }
              flush();
            });
  }

  private Throwable translate(Throwable t) {
    if (RedisErrors.hasCode(t, "FENCED")) {
      return new FencedOffException(
          "journal of " + hallId + " refused the append: " + t.getMessage());
    }
    if (RedisErrors.hasCode(t, "SEQGAP")) {
      return new IllegalArgumentException("journal of " + hallId + ": " + t.getMessage());
    }
    return t;
  }

  private Future<List<JournalEntry>> readPages(long from, int max, List<JournalEntry> into) {
    int count = Math.min(max - into.size(), READ_PAGE);
    if (count <= 0) {
      return Future.succeededFuture(into);
    }
    Request range =
        Request.cmd(Command.XRANGE)
            .arg(keys.events())
            .arg(from + "-0")
            .arg("+")
            .arg("COUNT")
            .arg(count);
    return reader
        .apply(range)
        .compose(
            page -> {
              long seq = from - 1;
              if (page != null) {
                for (Response item : page) {
                  seq++;
                  into.add(StreamEntry.read(hallId, keys.events(), item, seq));
                }
              }
              int got = page == null ? 0 : page.size();
              return got < count ? Future.succeededFuture(into) : readPages(seq + 1, max, into);
            });
  }

  private static long seqOf(Response entry) {
    String id = entry.get(0).toString();
    return Long.parseLong(id.substring(0, id.indexOf('-')));
  }

  private record PendingBatch(List<JournalEntry> entries, Promise<Void> durable) {

    long firstSeq() {
      return entries.get(0).seq();
    }
  }
}
