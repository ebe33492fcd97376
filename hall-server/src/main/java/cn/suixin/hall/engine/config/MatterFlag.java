package cn.suixin.hall.engine.config;

/** Flags of a matter that the seed's figures count. */
public enum MatterFlag {
  /** 零材料提交: nothing to hand in. */
  ZERO_MATERIAL,
  /** 川渝通办: Sichuan-Chongqing cross-region matter, served at dedicated windows. */
  CROSS_REGION,
  /** 下放分中心: delegated so sub-centres can do it nearby. */
  DELEGATED
}
