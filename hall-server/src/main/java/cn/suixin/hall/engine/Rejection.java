package cn.suixin.hall.engine;

/** Why the engine refused a command. The texts are what a citizen or a clerk reads. */
public enum Rejection {
  HALL_CLOSED("大厅当前不在办公时间", "The hall is closed now"),
  UNKNOWN_MATTER("本大厅没有该事项", "This hall has no such matter"),
  MATTER_QUOTA_REACHED("该事项今日号源已取完", "Today's tickets for this matter are all taken"),
  DUPLICATE_PERSON_TICKET("您已有该事项的排队号", "You already hold a waiting ticket for this matter"),
  PARTY_TOO_LARGE("同行人数超过上限", "Too many people on one ticket"),
  UNKNOWN_GREEN_CHANNEL("没有该绿色通道", "No such green channel"),
  GREEN_CHANNEL_INACTIVE("该绿色通道今日未开放", "This green channel is not open today"),
  GREEN_CHANNEL_NOT_FOR_MATTER("该绿色通道不适用于此事项", "This green channel does not cover the matter"),
  GREEN_CHANNEL_PROOF_MISSING(
      "使用绿色通道需出示证明或由导办人员授予", "A green channel needs a proof or a guide's grant"),
  GREEN_CHANNEL_QUOTA_REACHED("该绿色通道今日名额已满", "Today's places in this green channel are taken"),
  APPOINTMENT_MISSING("预约取号需提供预约时段", "An appointment ticket needs its slot"),
  UNKNOWN_WINDOW("没有该窗口", "No such window"),
  WINDOW_CLOSED("该窗口已关闭", "This window is closed"),
  WINDOW_OUTSIDE_HOURS("该窗口当前不在办公时间", "This window is outside its hours"),
  WINDOW_PAUSED("该窗口暂停服务中", "This window is paused"),
  WINDOW_UNSTAFFED("该窗口无人签到", "Nobody is signed in at this window"),
  WINDOW_BUSY("该窗口正在办理其他号", "This window is still serving a ticket"),
  NOT_SIGNED_IN("该窗口无人签到", "Nobody is signed in at this window"),
  INVALID_WEIGHT("权重应为1至10，且至少一个事项", "Weights are 1 to 10, for at least one matter"),
  NOTICE_TOO_LONG("公告过长（最多200字）", "The notice is too long (200 characters at most)"),
  WINDOW_HAS_CLERK("该窗口已有其他人员签到", "Another clerk is signed in at this window"),
  WINDOW_ALREADY_PAUSED("该窗口已暂停", "This window is already paused"),
  WINDOW_NOT_PAUSED("该窗口未暂停", "This window is not paused"),
  WINDOW_ALREADY_OPEN("该窗口已开放", "This window is already open"),
  WINDOW_ALREADY_CLOSED("该窗口已关闭", "This window is already closed"),
  NO_CURRENT_TICKET("该窗口当前没有叫号", "This window has no current ticket"),
  NO_WAITING_TICKET("当前没有可叫的号", "Nobody is waiting for this window"),
  RECALL_LIMIT_REACHED("重呼次数已达上限", "The recall limit is reached"),
  UNKNOWN_TICKET("没有该号", "No such ticket"),
  WRONG_TICKET_STATE("该号当前状态不允许此操作", "The ticket's status does not allow this"),
  SAME_MATTER("新事项与原事项相同", "The new matter is the one it already has"),
  TRANSFER_TARGET_MISSING("转办需指定事项或窗口", "A transfer needs a matter or a window"),
  NOT_PARKED_HERE("该号不在本窗口挂起", "The ticket is not parked at this window"),
  REASON_REQUIRED("请填写原因", "A reason is required"),
  INVALID_OUTCOME("办理结果填写不完整", "The outcome is incomplete"),
  UNKNOWN_SERVICE_RECORD("没有该办件记录", "No such service record"),
  SERVICE_NOT_FINISHED("办件尚未办结，不能评价", "The service is not finished yet"),
  ALREADY_RATED("该次服务已评价", "This service is already rated"),
  RATING_OUT_OF_RANGE("评价等级应为1至5", "A rating is 1 to 5"),
  BAD_RATING_NEEDS_REASON("差评需选择原因", "A bad review needs a reason"),
  INVALID_BLOCK("离线号段无效", "Invalid offline number block"),
  OFFLINE_NUMBER_OUT_OF_BLOCK("离线号不在预留号段内", "Offline number outside its block"),
  OFFLINE_NUMBER_ALREADY_USED("离线号已使用", "Offline number already used"),
  NOT_YOUR_WINDOW("您未在该窗口签到，不能操作该窗口", "You are not signed in at this window");

  private final String zh;
  private final String en;

  Rejection(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
