package cn.suixin.hall.engine;

import java.util.TreeSet;

/**
 * The waiting tickets of one matter in two lanes, each kept in arrival order, plus the appointments
 * among the regular ones ordered by slot. Sorted sets make issue and call O(log n): a call never
 * scans every waiting ticket.
 */
final class MatterQueue {
  final TreeSet<Ticket> regular = new TreeSet<>(Ticket.BY_ARRIVAL);
  final TreeSet<Ticket> green = new TreeSet<>(Ticket.BY_ARRIVAL);
  final TreeSet<Ticket> appointments = new TreeSet<>(Ticket.BY_SLOT);

  void add(Ticket t) {
    if (t.greenChannel != null) {
      green.add(t);
    } else {
      regular.add(t);
      if (t.appointment != null) {
        appointments.add(t);
      }
    }
  }

  void remove(Ticket t) {
    if (!green.remove(t)) {
      regular.remove(t);
      if (t.appointment != null) {
        appointments.remove(t);
      }
    }
  }

  int size() {
    return regular.size() + green.size();
  }

  /** People ahead of a waiting ticket in this queue: green ones go first. */
  int ahead(Ticket t) {
    if (t.greenChannel != null) {
      return rank(green, t);
    }
    return green.size() + rank(regular, t);
  }

  /**
   * Position in a lane. A sorted set counts a head set by walking it, so the usual case, a ticket
   * just issued and last in its lane, is answered from the size instead.
   */
  private static int rank(TreeSet<Ticket> lane, Ticket t) {
    if (!lane.isEmpty() && lane.last() == t) {
      return lane.size() - 1;
    }
    return lane.headSet(t).size();
  }

  void clear() {
    regular.clear();
    green.clear();
    appointments.clear();
  }
}
