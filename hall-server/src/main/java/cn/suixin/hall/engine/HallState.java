package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a hall knows now. Read by deciders and readers; written only by {@link EventApplier},
 * so replaying a hall's events rebuilds it exactly.
 */
public final class HallState {
  final HallConfig config;
  final Map<MatterCode, MatterQueue> queues = new HashMap<>();
  final Map<WindowId, WindowState> windows = new LinkedHashMap<>();
  final Map<TicketId, Ticket> tickets = new HashMap<>();
  final Map<String, Integer> lastNumberByPrefix = new HashMap<>();
  final Map<MatterCode, Integer> issuedByMatter = new HashMap<>();
  final Map<ChannelId, Integer> issuedByChannel = new HashMap<>();
  final Map<String, TicketId> activeByPerson = new HashMap<>();
  final Map<String, WindowId> windowByClerk = new HashMap<>();
  final Map<Long, ServiceRecord> records = new HashMap<>();
  final Map<Long, NumberBlock> blocks = new HashMap<>();
  final Map<MatterCode, Long> serviceMillis = new HashMap<>();
  final List<ServiceRecord> finishedToday = new ArrayList<>();
  LocalDate day;
  long seq;
  Instant lastAt;
  long nextSerial = 1;
  long nextRecord = 1;
  long nextBlock = 1;
  String notice = "";
  long lostEvents;
  long eventsSkippedAfterLoss;

  HallState(HallConfig config) {
    this.config = config;
    for (Matter m : config.matters().values()) {
      queues.put(m.code(), new MatterQueue());
      serviceMillis.put(m.code(), m.typicalService().toMillis());
    }
    for (Window w : config.windows().values()) {
      windows.put(w.id(), new WindowState(w));
    }
  }

  public HallConfig config() {
    return config;
  }

  /** Sequence number of the last applied event, 0 before the first. */
  public long seq() {
    return seq;
  }

  public LocalDate businessDay() {
    return day;
  }

  public Instant lastEventAt() {
    return lastAt;
  }

  public String notice() {
    return notice;
  }

  /** Events the journal lost to damage, each replaced by a marker in an operator's repair. */
  public long lostEvents() {
    return lostEvents;
  }

  /**
   * Later events about a ticket or service only a lost event could have created, so not applied.
   */
  public long eventsSkippedAfterLoss() {
    return eventsSkippedAfterLoss;
  }

  public Ticket ticket(TicketId id) {
    return tickets.get(id);
  }

  public Collection<Ticket> tickets() {
    return Collections.unmodifiableCollection(tickets.values());
  }

  public WindowState window(WindowId id) {
    return windows.get(id);
  }

  public Collection<WindowState> windows() {
    return Collections.unmodifiableCollection(windows.values());
  }

  public ServiceRecord record(ServiceRecordId id) {
    return records.get(id.value());
  }

  public Collection<ServiceRecord> records() {
    return Collections.unmodifiableCollection(records.values());
  }

  public NumberBlock block(long id) {
    return blocks.get(id);
  }

  /** Tickets waiting for a matter (green and regular lanes). */
  public int waiting(MatterCode matter) {
    MatterQueue q = queues.get(matter);
    return q == null ? 0 : q.size();
  }

  public int issuedToday(MatterCode matter) {
    return issuedByMatter.getOrDefault(matter, 0);
  }

  /** People ahead of a waiting ticket; 0 once it is called. */
  public int ahead(Ticket t) {
    if (t.status != TicketStatus.WAITING) {
      return 0;
    }
    if (t.directedTo != null) {
      return windows.get(t.directedTo).directed.headSet(t).size();
    }
    return queues.get(t.matter).ahead(t);
  }

  /** Recent average service time of a matter, learned from finished services. */
  public long serviceMillis(MatterCode matter) {
    return serviceMillis.getOrDefault(matter, 0L);
  }

  /** Windows that could call a matter now: open, staffed, not paused, serving it. */
  public int activeWindows(MatterCode matter) {
    int n = 0;
    for (WindowState w : windows.values()) {
      if (w.available() && w.weights.containsKey(matter)) {
        n++;
      }
    }
    return n;
  }

  /** Estimated wait for someone with {@code ahead} people before them in a matter's queue. */
  public long estimatedWaitSeconds(MatterCode matter, int ahead) {
    int active = Math.max(1, activeWindows(matter));
    long millis = serviceMillis(matter) * ahead / active;
    return (millis + 999) / 1000;
  }

  /** The whole state as plain values, for a snapshot; {@link HallEngine#restore} reads it back. */
  public HallImage export() {
    return HallImages.export(this);
  }

  /** Canonical text of the whole state: equal for a live hall and its replay. */
  public String fingerprint() {
    return StateFingerprint.of(this);
  }

  MatterQueue queue(MatterCode matter) {
    return queues.get(matter);
  }
}
