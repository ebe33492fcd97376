package cn.suixin.hall.engine;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A canonical text of everything in a hall's state, in a fixed order, so two states can be compared
 * for equality (a live hall against its replay).
 */
final class StateFingerprint {
  private StateFingerprint() {}

  static String of(HallState s) {
    StringBuilder b = new StringBuilder();
    b.append("day=")
        .append(s.day)
        .append(" seq=")
        .append(s.seq)
        .append(" at=")
        .append(s.lastAt)
        .append(" serial=")
        .append(s.nextSerial)
        .append(" record=")
        .append(s.nextRecord)
        .append(" block=")
        .append(s.nextBlock)
        .append(" notice=")
        .append(s.notice)
        .append(" lost=")
        .append(s.lostEvents)
        .append(" skipped=")
        .append(s.eventsSkippedAfterLoss)
        .append('\n');
    b.append("numbers=").append(new TreeMap<>(s.lastNumberByPrefix)).append('\n');
    b.append("issued=")
        .append(sorted(s.issuedByMatter))
        .append(" green=")
        .append(sorted(s.issuedByChannel))
        .append('\n');
    b.append("persons=").append(new TreeMap<>(s.activeByPerson)).append('\n');
    b.append("clerks=").append(new TreeMap<>(s.windowByClerk)).append('\n');
    b.append("serviceMillis=").append(sorted(s.serviceMillis)).append('\n');
    s.tickets.values().stream()
        .sorted(Comparator.comparing(t -> t.id.value()))
        .forEach(t -> b.append(ticket(t)));
    s.queues.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().value()))
        .forEach(
            e ->
                b.append("queue ")
                    .append(e.getKey())
                    .append(" r=")
                    .append(e.getValue().regular)
                    .append(" g=")
                    .append(e.getValue().green)
                    .append(" a=")
                    .append(e.getValue().appointments)
                    .append('\n'));
    s.windows
        .values()
        .forEach(
            w ->
                b.append("window ")
                    .append(w.id())
                    .append(" open=")
                    .append(w.open)
                    .append(" paused=")
                    .append(w.pausedReason)
                    .append(" clerk=")
                    .append(w.clerk)
                    .append(" current=")
                    .append(w.current)
                    .append(" parked=")
                    .append(w.parked)
                    .append(" directed=")
                    .append(w.directed)
                    .append(" greenRun=")
                    .append(w.greenInARow)
                    .append(" weights=")
                    .append(sorted(w.weights))
                    .append('\n'));
    s.records.values().stream()
        .sorted(Comparator.comparingLong(r -> r.id.value()))
        .forEach(r -> b.append("record ").append(r).append('\n'));
    s.blocks.values().stream()
        .sorted(Comparator.comparingLong(k -> k.id))
        .forEach(k -> b.append(k).append('\n'));
    b.append("finishedToday=")
        .append(s.finishedToday.stream().map(r -> r.id.toString()).collect(Collectors.joining(",")))
        .append('\n');
    return b.toString();
  }

  private static String ticket(Ticket t) {
    return "ticket "
        + t.id
        + " "
        + t.number
        + " "
        + t.matter
        + " "
        + t.status
        + " src="
        + t.source
        + " party="
        + t.partySize
        + " person="
        + t.personHash
        + " green="
        + t.greenChannel
        + " appt="
        + t.appointment
        + " device="
        + t.device
        + " serial="
        + t.serial
        + " arrival="
        + t.arrival
        + " window="
        + t.window
        + " directed="
        + t.directedTo
        + " recalls="
        + t.recalls
        + " noShows="
        + t.noShows
        + " record="
        + t.record
        + " calledAt="
        + t.calledAt
        + '\n';
  }

  private static <K, V> String sorted(Map<K, V> m) {
    return m.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .collect(Collectors.joining(",", "{", "}"));
  }
}
