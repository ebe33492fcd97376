package cn.suixin.hall.server.auth;

/** Who is calling: people by their job, devices by their kind. */
public enum Role {
  CLERK,
  GUIDE,
  SUPERVISOR,
  ADMIN,
  KIOSK,
  DISPLAY,
  AGENT;

  public boolean isDevice() {
    return this == KIOSK || this == DISPLAY || this == AGENT;
  }

  public static Role parse(String s) {
    return Role.valueOf(s.trim().toUpperCase());
  }
}
