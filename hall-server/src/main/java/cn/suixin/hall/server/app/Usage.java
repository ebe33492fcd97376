package cn.suixin.hall.server.app;

final class Usage {
  static final String TEXT = String.join("\n",
      "usage:",
      "  java -jar hall-server.jar [--config DIR] [--data DIR] [--port N] [--demo]",
      "                            [--store embedded|redis] [--redis redis://HOST:PORT]",
      "  java -jar hall-server.jar users add --username U --role clerk|guide|supervisor|admin [--hall H]",
      "                                      [--staff-no N] [--name NAME] --password-stdin",
      "  java -jar hall-server.jar devices add --kind kiosk|display|agent --hall H [--window W] [--name N]",
      "environment: SUIXIN_CONFIG, SUIXIN_DATA, SUIXIN_PORT, SUIXIN_DEMO=true, SUIXIN_STORE, SUIXIN_REDIS");

  private Usage() {
  }
}
