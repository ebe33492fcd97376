package cn.suixin.hall.engine.config;

/** The police category a matter belongs to; halls group kiosk buttons by it. */
public enum Category {
  EXIT_ENTRY("出入境", "Exit-entry"),
  HOUSEHOLD_ID("户政身份证", "Household registration and ID cards"),
  PUBLIC_ORDER("治安", "Public order"),
  CYBER_SECURITY("网安", "Cyber security"),
  NARCOTICS("禁毒", "Narcotics control"),
  TRAFFIC_VEHICLE("交警车驾管·车辆", "Traffic: vehicles"),
  TRAFFIC_LICENCE("交警车驾管·驾驶证", "Traffic: driving licences"),
  COMPLAINT("办不成事反映", "Could not get it done");

  private final String zh;
  private final String en;

  Category(String zh, String en) {
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
