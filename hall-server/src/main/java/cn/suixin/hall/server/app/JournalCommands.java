package cn.suixin.hall.server.app;

import cn.suixin.hall.server.codec.JournalEventCodec;
import cn.suixin.hall.store.JournalDamage;
import cn.suixin.hall.store.JournalExamination;
import cn.suixin.hall.store.JournalFileDoctor;
import cn.suixin.hall.store.redis.RedisJournalDoctor;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code journal check --hall H} reports the damage in a hall's journal; {@code journal repair
 * --hall H --skip-offset N|--skip-seq S --confirm} replaces the one damaged stretch an operator
 * named by lost-event markers, after backing the journal up. Nothing is ever skipped unless a
 * person named it and confirmed. Both take the server's store flags ({@code --data}, or {@code
 * --store redis --redis URI}).
 */
final class JournalCommands {
  /**
   * Exit code of a check that found damage, or of a repair not confirmed: the journal is as it was.
   */
  static final int DAMAGED = 1;

  private final ServerOptions options;
  private final Args args;
  private final PrintStream out;

  JournalCommands(ServerOptions options, Args args, PrintStream out) {
    this.options = options;
    this.args = args;
    this.out = out;
  }

  int check() {
    String hall = args.required("--hall");
    JournalExamination exam =
        redis() ? withRedis(d -> d.examine(hall)) : withFile(hall, JournalFileDoctor::examine);
    out.println(
        "journal of hall "
            + hall
            + ": "
            + exam.where()
            + ", "
            + exam.records()
            + " good records, last seq "
            + exam.lastSeq());
    for (JournalDamage d : exam.damages()) {
      out.println(d.describe());
      out.println(
          "  to replace it by "
              + d.lostSeqs()
              + " lost-event marker(s), with the server stopped: "
              + "java -jar hall-server.jar journal repair --hall "
              + hall
              + " "
              + flag(d)
              + " --confirm");
    }
    if (exam.tornTailOffset() >= 0) {
      out.println(
          "torn tail at offset "
              + exam.tornTailOffset()
              + " ("
              + exam.tornTailBytes()
              + " bytes): what a"
              + " crash leaves; the next start cuts it off and keeps it beside the journal");
    }
    out.println(
        exam.damaged()
            ? exam.damages().size()
                + " damaged stretch(es): the hall will not start until each"
                + " is repaired"
            : "no damage: the hall can start");
    return exam.damaged() ? DAMAGED : 0;
  }

  int repair() {
    String hall = args.required("--hall");
    String offset = args.value("--skip-offset", null);
    String seq = args.value("--skip-seq", null);
    if ((offset == null) == (seq == null)) {
      throw new UsageException(
          "journal repair needs exactly one of --skip-offset N and --skip-seq S (see journal"
              + " check)");
    }
    if (!args.flag("--confirm")) {
      out.println(
          "nothing changed: a repair replaces recorded events by lost-event markers, for good (the journal"
              + " is backed up first). Run journal check --hall "
              + hall
              + ", then repeat with --confirm.");
      return DAMAGED;
    }
    List<String> done;
    if (redis()) {
      if (seq == null) {
        throw new UsageException("a Redis stream has no offsets: name the damage with --skip-seq");
      }
      done = withRedis(d -> d.repair(hall, number("--skip-seq", seq)));
    } else {
      long n =
          number(offset != null ? "--skip-offset" : "--skip-seq", offset != null ? offset : seq);
      done =
          withFile(
              hall,
              d ->
                  d.repair(
                      offset != null ? x -> x.offset() == n : x -> x.namedBy(n),
                      offset != null ? "at offset " + n : "at seq " + n));
    }
    done.forEach(out::println);
    out.println(
        "run journal check --hall " + hall + " again: if it finds no damage, the hall can start");
    return 0;
  }

  private boolean redis() {
    return options.store().equals("redis");
  }

  private String flag(JournalDamage d) {
    return d.offset() >= 0 ? "--skip-offset " + d.offset() : "--skip-seq " + d.firstSeq();
  }

  private interface FileWork<T> {
    T apply(JournalFileDoctor doctor) throws IOException;
  }

  private <T> T withFile(String hall, FileWork<T> work) {
    try {
      return work.apply(
          new JournalFileDoctor(options.data().resolve("journal"), hall, new JournalEventCodec()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T withRedis(java.util.function.Function<RedisJournalDoctor, T> work) {
    Vertx vertx = Vertx.vertx();
    try (RedisJournalDoctor doctor =
        new RedisJournalDoctor(vertx, options.redisUri(), new JournalEventCodec())) {
      return work.apply(doctor);
    } finally {
      vertx.close();
    }
  }

  private static long number(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " takes a number: " + value);
    }
  }
}
