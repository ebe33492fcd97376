package cn.suixin.hall.server.app;

final class Usage {
  static final String TEXT =
      String.join(
          "\n",
          "usage:",
          "  java -jar hall-server.jar [--config DIR] [--node-config FILE] [--data DIR] [--port N] [--demo]",
          "                            [--store embedded|redis] [--redis redis://HOST:PORT] [--public-url URL]",
          "                            [--cluster --cluster-host H --cluster-port P --cluster-members H:P,H:P",
          "                             --cluster-bus-port P]",
          "                            [--trusted-proxies IP|CIDR,...] [--metrics-token T]",
          "                            [--metrics-port P [--metrics-host H]]",
          "  java -jar hall-server.jar users add --username U --role clerk|guide|supervisor|admin [--hall H]",
          "                                      [--staff-no N] [--name NAME] --password-stdin",
          "  java -jar hall-server.jar users locked | users unlock --username U",
          "  java -jar hall-server.jar devices add --kind kiosk|display|agent --hall H [--window W] [--name N]",
          "  java -jar hall-server.jar journal check --hall H",
          "  java -jar hall-server.jar journal repair --hall H --skip-offset N|--skip-seq S --confirm",
          "      (server stopped; the journal is backed up first; docs/operations.md)",
          "environment: SUIXIN_CONFIG, SUIXIN_DATA, SUIXIN_PORT, SUIXIN_DEMO=true, SUIXIN_STORE, SUIXIN_REDIS,",
          "             SUIXIN_CLUSTER=true, SUIXIN_CLUSTER_HOST, SUIXIN_CLUSTER_PORT, SUIXIN_CLUSTER_MEMBERS,",
          "             SUIXIN_CLUSTER_BUS_PORT, SUIXIN_TRUSTED_PROXIES, SUIXIN_METRICS_TOKEN, SUIXIN_METRICS_PORT,",
          "             SUIXIN_METRICS_HOST, SUIXIN_LOGIN_* (login throttle and lock, see docs/operations.md),",
          "             SUIXIN_PUBLIC_URL (the address phones reach, for the QR codes on tickets)");

  private Usage() {}
}
