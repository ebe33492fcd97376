package cn.suixin.hall.engine;

/** A window clerk (窗口人员) by staff number (警号/工号) and name. */
public record Clerk(String staffNo, String name) {
  public Clerk {
    if (staffNo == null || staffNo.isBlank()) {
      throw new IllegalArgumentException("clerk needs a staff number");
    }
  }
}
