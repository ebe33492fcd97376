package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.JournalDamage;
import cn.suixin.hall.store.JournalEvents;
import cn.suixin.hall.store.JournalExamination;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code journal check} and {@code journal repair} on a hall's Redis stream, for the admin command
 * (it blocks; never call it on an event loop). A repair first takes the hall with a fencing token
 * of its own, so no server can append while it works and a running owner is shut out for good; it
 * copies the stream aside, rebuilds it with the damage an operator named replaced by a lost-event
 * marker per seq, every other entry as it was, and swaps it in with one script that checks the
 * token and that the stream did not change meanwhile.
 */
public final class RedisJournalDoctor implements AutoCloseable {

  private static final int PAGE = 10_000;
  private static final int BATCH = 1_000;
  private static final long TIMEOUT_SECONDS = 30;

  /** A good entry (damage null) or a damage with the entries it spoiled, in stream order. */
  private record Item(
      Response entry, JournalDamage damage, List<Response> spoiled, byte[] before) {}

  private final Redis client;
  private final RedisConnection connection;
  private final JournalEvents events;

  public RedisJournalDoctor(Vertx vertx, String uri, JournalEvents events) {
    this.client = Redis.createClient(vertx, uri);
    this.connection = await(client.connect());
    this.events = events;
  }

  public JournalExamination examine(String hall) {
    HallKeys keys = HallKeys.of(hall);
    List<Item> items = walk(keys.events());
    List<JournalDamage> damages =
        items.stream().filter(i -> i.damage() != null).map(Item::damage).toList();
    long good = items.stream().filter(i -> i.damage() == null).count();
    long last =
        items.isEmpty()
            ? 0
            : items.get(items.size() - 1).damage() != null
                ? items.get(items.size() - 1).damage().resumesAtSeq() - 1
                : StreamEntry.seqOf(id(items.get(items.size() - 1)));
    return new JournalExamination("Redis stream " + keys.events(), good, last, damages, -1, 0);
  }

  /**
   * Replaces the damage that takes {@code seq} (or sits where it was due); returns what was done.
   */
  public List<String> repair(String hall, long seq) {
    HallKeys keys = HallKeys.of(hall);
    long token =
        send(JournalScripts.ACQUIRE.eval(
                List.of(keys.fence(), keys.owner()), List.of("journal-repair")))
            .toLong();
    List<Item> items = walk(keys.events());
    Item target =
        items.stream()
            .filter(i -> i.damage() != null && i.damage().namedBy(seq))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the stream of hall "
                            + hall
                            + " has no damage at seq "
                            + seq
                            + "; journal check lists "
                            + items.stream()
                                .filter(i -> i.damage() != null)
                                .map(i -> i.damage().describe())
                                .toList()));
    JournalDamage d = target.damage();
    String lastId = lastId(keys.events());
    String backup = keys.backup(System.currentTimeMillis());
    send(Request.cmd(Command.COPY).arg(keys.events()).arg(backup));
    String reason =
        "journal repair at "
            + Instant.now()
            + ": "
            + d.describe()
            + " in Redis stream "
            + keys.events()
            + "; the stream as it was is kept in "
            + backup;
    send(Request.cmd(Command.DEL).arg(keys.rebuilt()));
    List<Request> adds = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item == target) {
        byte[] after =
            i + 1 < items.size() && items.get(i + 1).damage() == null
                ? StreamEntry.payload(items.get(i + 1).entry().get(1))
                : null;
        for (long s = d.firstSeq(); s < d.resumesAtSeq(); s++) {
          byte[] marker = events.lostEvent(s, item.before(), after, reason);
          adds.add(
              Request.cmd(Command.XADD)
                  .arg(keys.rebuilt())
                  .arg(s + "-0")
                  .arg("e")
                  .arg(marker)
                  .arg("c")
                  .arg(StreamEntry.crc(marker)));
        }
      } else {
        (item.damage() == null ? List.of(item.entry()) : item.spoiled())
            .forEach(entry -> adds.add(verbatim(keys.rebuilt(), entry)));
      }
      if (adds.size() >= BATCH) {
        await(connection.batch(adds));
        adds.clear();
      }
    }
    await(connection.batch(adds));
    send(
        JournalScripts.REPLACE.eval(
            List.of(keys.events(), keys.rebuilt(), keys.owner()),
            List.of(String.valueOf(token), lastId)));
    return List.of(
        "took hall " + hall + " with fencing token " + token + ": no writer from before can append",
        "copied the stream " + keys.events() + " to " + backup,
        "replaced " + d.describe(),
        "by " + d.lostSeqs() + " lost-event marker(s); every other entry is kept as it was");
  }

  @Override
  public void close() {
    connection.close();
    client.close();
  }

  /** Good entries in sequence; where the next one is not the one due, a damage. */
  private List<Item> walk(String key) {
    List<Item> items = new ArrayList<>();
    long expected = 1;
    byte[] before = null;
    String start = "-";
    while (true) {
      Response page =
          send(Request.cmd(Command.XRANGE).arg(key).arg(start).arg("+").arg("COUNT").arg(PAGE));
      for (Response entry : page) {
        String id = entry.get(0).toString();
        long seq = StreamEntry.seqOf(id);
        if (seq < expected) {
          items.add(
              new Item(
                  null,
                  new JournalDamage(
                      -1,
                      0,
                      expected,
                      expected,
                      "entry " + id + " has an id this journal never writes"),
                  List.of(entry),
                  before));
          continue;
        }
        if (seq > expected) {
          items.add(
              new Item(
                  null,
                  new JournalDamage(-1, 0, expected, seq, "entries before " + id + " are missing"),
                  List.of(),
                  before));
          expected = seq;
        }
        String problem = StreamEntry.problem(entry.get(1));
        if (problem == null) {
          problem = events.problem(seq, StreamEntry.payload(entry.get(1)));
          problem = problem == null ? null : "its event " + problem;
        }
        if (problem == null) {
          items.add(new Item(entry, null, List.of(), before));
          before = StreamEntry.payload(entry.get(1));
        } else {
          items.add(
              new Item(
                  null,
                  new JournalDamage(-1, 0, seq, seq + 1, "entry " + id + ": " + problem),
                  List.of(entry),
                  before));
        }
        expected++;
      }
      if (page.size() < PAGE) {
        return items;
      }
      start = "(" + page.get(page.size() - 1).get(0).toString();
    }
  }

  private static Request verbatim(String key, Response entry) {
    Request add = Request.cmd(Command.XADD).arg(key).arg(entry.get(0).toString());
    entry.get(1).forEach(field -> add.arg(field.toBuffer()));
    return add;
  }

  private String lastId(String key) {
    Response tail =
        send(Request.cmd(Command.XREVRANGE).arg(key).arg("+").arg("-").arg("COUNT").arg(1));
    return tail.size() == 0 ? "" : tail.get(0).get(0).toString();
  }

  private static String id(Item item) {
    return item.entry().get(0).toString();
  }

  private Response send(Request request) {
    return await(connection.send(request));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new RedisUnavailableException(
          "journal repair: Redis did not answer in " + TIMEOUT_SECONDS + " s", e);
    }
  }
}
