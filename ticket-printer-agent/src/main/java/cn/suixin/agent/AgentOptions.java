package cn.suixin.agent;

import cn.suixin.agent.escpos.PrinterProfile;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Command-line settings of the agent; see {@link #USAGE}. */
public record AgentOptions(
    URI server,
    String token,
    String printerPort,
    String padPort,
    String windowDisplayPort,
    boolean simulate,
    Path dataDir,
    String printerProfile,
    int localPort,
    int printerBaud,
    int padAddress) {

  public static final String USAGE = String.join("\n",
      "usage: java -jar ticket-printer-agent.jar --server http://host:8080 --token T",
      "         [--printer PORT] [--printer-baud 9600] [--printer-profile xprinter-80|zijiang-58|generic]",
      "         [--pad PORT] [--pad-address 1] [--window-display PORT]",
      "         [--simulate] [--data DIR] [--local-port 8765]");

  public static AgentOptions parse(String... args) {
    URI server = null;
    String token = null;
    String printer = null;
    String pad = null;
    String display = null;
    boolean simulate = false;
    Path data = Paths.get("data");
    String profile = "generic";
    int localPort = 8765;
    int baud = 9600;
    int padAddress = 1;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--server" -> server = URI.create(value(args, ++i, a));
        case "--token" -> token = value(args, ++i, a);
        case "--printer" -> printer = value(args, ++i, a);
        case "--pad" -> pad = value(args, ++i, a);
        case "--window-display" -> display = value(args, ++i, a);
        case "--simulate" -> simulate = true;
        case "--data" -> data = Paths.get(value(args, ++i, a));
        case "--printer-profile" -> profile = value(args, ++i, a);
        case "--local-port" -> localPort = Integer.parseInt(value(args, ++i, a));
        case "--printer-baud" -> baud = Integer.parseInt(value(args, ++i, a));
        case "--pad-address" -> padAddress = Integer.parseInt(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (server == null || token == null) {
      throw new IllegalArgumentException("--server and --token are required");
    }
    if (PrinterProfile.named(profile).isEmpty()) {
      throw new IllegalArgumentException("unknown printer profile " + profile);
    }
    if (server.getHost() == null) {
      throw new IllegalArgumentException("--server needs a URL like http://host:8080");
    }
    return new AgentOptions(server, token, printer, pad, display, simulate, data, profile,
        localPort, baud, padAddress);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
