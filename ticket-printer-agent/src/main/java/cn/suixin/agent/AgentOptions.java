package cn.suixin.agent;

import cn.suixin.agent.escpos.PrinterProfile;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line settings of the agent; see {@link #USAGE}. The device token is the one setting that
 * never comes as an argument: arguments are visible to every user of the PC (ps), so it is read
 * from a file or the environment.
 */
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

  public static final String TOKEN_VARIABLE = "SUIXIN_AGENT_TOKEN";
  private static final Logger LOG = LoggerFactory.getLogger(AgentOptions.class);
  static final String TOKEN_NOT_AN_ARGUMENT =
      "--token is not accepted: every user of this PC can"
          + " read the agent's arguments (ps). Put the token in a file only the agent's user can read"
          + " (chmod 600) and give --token-file PATH, or set "
          + TOKEN_VARIABLE
          + "."
          + " / 不接受 --token:本机所有用户都能看到程序参数(ps)。请把令牌写入仅本用户可读的文件"
          + "(chmod 600)并用 --token-file 指定,或设置环境变量 "
          + TOKEN_VARIABLE
          + "。";
  static final String NO_TOKEN =
      "no device token: give --token-file PATH or set "
          + TOKEN_VARIABLE
          + " / 缺少设备令牌:请用 --token-file 指定令牌文件,或设置环境变量 "
          + TOKEN_VARIABLE;

  public static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar ticket-printer-agent.jar --server http://host:8080 --token-file PATH",
          "         (or the token in the environment variable " + TOKEN_VARIABLE + ")",
          "         [--printer PORT] [--printer-baud 9600] [--printer-profile xprinter-80|zijiang-58|generic]",
          "         [--pad PORT] [--pad-address 1] [--window-display PORT]",
          "         [--simulate] [--data DIR] [--local-port 8765]");

  public static AgentOptions parse(String... args) {
    return parse(System.getenv(), LOG::warn, args);
  }

  /** A --token-file wins over the environment, as flags win everywhere else in the hall. */
  public static AgentOptions parse(Map<String, String> env, Consumer<String> warn, String... args) {
    URI server = null;
    Path tokenFile = null;
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
        case "--token-file" -> tokenFile = Paths.get(value(args, ++i, a));
        case "--token" -> throw new IllegalArgumentException(TOKEN_NOT_AN_ARGUMENT);
        case "--printer" -> printer = value(args, ++i, a);
        case "--pad" -> pad = value(args, ++i, a);
        case "--window-display" -> display = value(args, ++i, a);
        case "--simulate" -> simulate = true;
        case "--data" -> data = Paths.get(value(args, ++i, a));
        case "--printer-profile" -> profile = value(args, ++i, a);
        case "--local-port" -> localPort = Integer.parseInt(value(args, ++i, a));
        case "--printer-baud" -> baud = Integer.parseInt(value(args, ++i, a));
        case "--pad-address" -> padAddress = Integer.parseInt(value(args, ++i, a));
        default ->
            throw new IllegalArgumentException(
                a.startsWith("--token=") ? TOKEN_NOT_AN_ARGUMENT : "unknown option " + a);
      }
    }
    if (server == null) {
      throw new IllegalArgumentException("--server is required");
    }
    if (PrinterProfile.named(profile).isEmpty()) {
      throw new IllegalArgumentException("unknown printer profile " + profile);
    }
    if (server.getHost() == null) {
      throw new IllegalArgumentException("--server needs a URL like http://host:8080");
    }
    String token = tokenFile != null ? TokenFile.read(tokenFile, warn) : env.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(NO_TOKEN);
    }
    return new AgentOptions(
        server,
        token.strip(),
        printer,
        pad,
        display,
        simulate,
        data,
        profile,
        localPort,
        baud,
        padAddress);
  }

  /** The token stays out of logs too. */
  @Override
  public String toString() {
    return "AgentOptions[server="
        + server
        + ", token=(hidden), printer="
        + printerPort
        + ", pad="
        + padPort
        + ", windowDisplay="
        + windowDisplayPort
        + ", simulate="
        + simulate
        + ", data="
        + dataDir
        + ", profile="
        + printerProfile
        + ", localPort="
        + localPort
        + "]";
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
