package cn.suixin.hall.engine;

import java.time.Instant;

/** An event as the hall recorded it: its place in the hall's sequence and its time. */
public record SequencedEvent(long seq, Instant at, HallEvent event) {}
