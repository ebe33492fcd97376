package cn.suixin.hall.server.hall;

import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * One group commit in the making: the journal entries of the commands decided so far, the reply
 * each command gets once they are durable, and the live messages to publish then.
 */
final class Batch {
  private final String hall;
  private final List<JournalEntry> entries = new ArrayList<>();
  private final List<JsonObject> published = new ArrayList<>();
  private final List<Answer> answers = new ArrayList<>();
  private int issued;
  private boolean broken;

  private record Answer(PendingCommand command, JsonObject reply) {}

  /** How far the batch had got before a command, to undo that command alone. */
  record Mark(int entries, int published) {}

  Batch(String hall) {
    this.hall = hall;
  }

  void answer(PendingCommand command, JsonObject reply) {
    answers.add(new Answer(command, reply));
  }

  void entry(JournalEntry entry, JsonObject live) {
    entries.add(entry);
    published.add(live);
  }

  void issued(int tickets) {
    issued += tickets;
  }

  Mark mark() {
    return new Mark(entries.size(), published.size());
  }

  /**
   * Takes back what a failed command had added, and ends the batch: the engine may hold part of
   * that command, so the hall must be rebuilt from its journal before deciding another.
   */
  void undo(Mark mark) {
    entries.subList(mark.entries(), entries.size()).clear();
    published.subList(mark.published(), published.size()).clear();
    broken = true;
  }

  boolean broken() {
    return broken;
  }

  int commands() {
    return answers.size();
  }

  int issued() {
    return issued;
  }

  List<JournalEntry> entries() {
    return entries;
  }

  JournalEntry lastEntry() {
    return entries.get(entries.size() - 1);
  }

  /** Adds each message to the feed and publishes it; one that fails is logged and skipped. */
  void publish(EventBus bus, FeedBuffer feed, Supplier<JsonObject> snapshot) {
    for (JsonObject m : published) {
      Faults.guard(
          hall,
          "publishing a live message",
          () -> {
            feed.add(m);
            bus.publish(Addresses.events(hall), m);
            if ("day.started".equals(m.getString("type"))) {
              bus.publish(Addresses.events(hall), snapshot.get());
            }
          });
    }
  }

  /** Sends every reply; {@code latency} hears how long each command waited. */
  void reply(LongConsumer latency) {
    long now = System.nanoTime();
    for (Answer a : answers) {
      Faults.guard(
          hall,
          "replying to a command (" + a.command().type() + ")",
          () -> {
            a.command().answer(a.reply());
            latency.accept(now - a.command().arrivedNanos());
          });
    }
  }

  /** Answers every command of the batch with the same refusal (the append failed). */
  void refuse(JsonObject why) {
    answers.forEach(a -> Faults.guard(hall, "refusing a command", () -> a.command().answer(why)));
  }
}
