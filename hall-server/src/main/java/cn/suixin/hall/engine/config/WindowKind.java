package cn.suixin.hall.engine.config;

/** What a window is for. */
public enum WindowKind {
  /** 一窗受理: takes many matters. */
  COMPREHENSIVE,
  /** A window of one police category. */
  DEDICATED,
  /** 川渝通办专窗. */
  CROSS_REGION,
  /** 办不成事反映窗口. */
  COMPLAINT,
  /** A window that mainly serves green-channel tickets. */
  GREEN_CHANNEL
}
