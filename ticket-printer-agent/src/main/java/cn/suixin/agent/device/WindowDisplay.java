package cn.suixin.agent.device;

/**
 * A window's LED screen. Vendors frame these differently (RS-485 text, Modbus RTU), so there is one
 * driver per vendor behind this interface.
 */
public interface WindowDisplay extends AutoCloseable {

  /** Shows 「请 A001 号到 3 号窗口办理」 or the vendor's equivalent. */
  void showCall(String number, int window);

  /** Shows a resting text (the clerk's name, 暂停服务 ...). */
  void showText(String text);

  @Override
  void close();
}
