package cn.suixin.hall.engine;

/** Where a ticket was taken. */
public enum TicketSource {
  KIOSK,
  PHONE,
  GUIDE,
  APPOINTMENT,
  OFFLINE
}
