package cn.suixin.hall.engine;

import java.time.LocalDate;

/** A bad review's follow-up case (差评整改): call the citizen back, then put it right. */
public record FollowUp(LocalDate callbackDue, LocalDate rectifyDue) {}
