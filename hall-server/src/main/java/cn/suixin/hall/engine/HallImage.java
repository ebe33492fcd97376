package cn.suixin.hall.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A hall's whole state as plain values, for a snapshot: {@link HallState#export()} makes one and
 * {@link HallEngine#restore} turns it back into an equal state (the same {@link
 * HallState#fingerprint()}), so a restart replays only the journal after it. The engine says what
 * its state holds; how the values are stored is the codec's business, by component name, so a new
 * field of the state is a new component here and nothing else.
 *
 * <p>Tickets are held once; queues, windows and records name them by id. Matters, windows and
 * channels are named by their configuration ids, resolved again on restore, so an image naming one
 * the hall no longer has is refused rather than half restored.
 */
public record HallImage(
    String hall,
    LocalDate day,
    long seq,
    Instant lastAt,
    long nextSerial,
    long nextRecord,
    long nextBlock,
    String notice,
    long lostEvents,
    long eventsSkippedAfterLoss,
    Map<String, Integer> lastNumberByPrefix,
    Map<String, Integer> issuedByMatter,
    Map<String, Integer> issuedByChannel,
    Map<String, String> activeByPerson,
    Map<String, String> windowByClerk,
    Map<String, Long> serviceMillis,
    List<TicketImage> tickets,
    List<QueueImage> queues,
    List<WindowImage> windows,
    List<RecordImage> records,
    List<BlockImage> blocks,
    List<Long> finishedToday) {

  /** A ticket: what it was issued with, then where it stands now. */
  public record TicketImage(
      String id,
      String number,
      TicketSource source,
      int partySize,
      String personHash,
      Appointment appointment,
      String device,
      long serial,
      Instant arrival,
      String matter,
      String greenChannel,
      TicketStatus status,
      String window,
      String directedTo,
      int recalls,
      int noShows,
      Long record,
      Instant calledAt) {}

  /** The waiting ticket ids of one matter, lane by lane. */
  public record QueueImage(
      String matter, List<String> regular, List<String> green, List<String> appointments) {}

  public record WindowImage(
      String id,
      boolean open,
      String pausedReason,
      Clerk clerk,
      String current,
      int greenInARow,
      Map<String, Integer> weights,
      List<String> directed,
      List<String> parked) {}

  public record RecordImage(
      long id,
      String ticket,
      String matter,
      String window,
      Clerk clerk,
      Instant startedAt,
      Instant finishedAt,
      Outcome outcome,
      int rating,
      FollowUp followUp) {}

  /** An offline number block; {@code used} holds the words of its bit set of numbers used. */
  public record BlockImage(
      long id,
      String device,
      String matter,
      String prefix,
      int from,
      int to,
      LocalDate day,
      List<Long> used) {}
}
