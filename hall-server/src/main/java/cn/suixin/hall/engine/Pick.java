package cn.suixin.hall.engine;

/** A ticket chosen for a window and the rule that chose it. */
record Pick(Ticket ticket, PickRule rule) {}
