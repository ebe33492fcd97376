package cn.suixin.hall.engine;

/**
 * A clerk acts only at the window they are signed in at: the clerk of window 07 cannot call the
 * next ticket at 08, nor pause or sign out a colleague there. Signing in is how a clerk takes a
 * window, so it is the one window command this rule lets through. A window the hall does not have
 * is left to the command's own decider, which says so.
 */
final class OwnWindowRule {
  private final HallState state;

  OwnWindowRule(HallState state) {
    this.state = state;
  }

  /** The refusal, or null when the asker may give this command. */
  Decision.Rejected refusal(HallCommand command, Asker asker) {
    if (!asker.isClerk()
        || !(command instanceof HallCommand.AtWindow at)
        || command instanceof HallCommand.SignIn) {
      return null;
    }
    WindowState w = state.window(at.window());
    if (w == null || w.clerk() != null && w.clerk().staffNo().equals(asker.clerkStaffNo())) {
      return null;
    }
    return new Decision.Rejected(Rejection.NOT_YOUR_WINDOW);
  }
}
