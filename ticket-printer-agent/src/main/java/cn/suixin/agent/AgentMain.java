package cn.suixin.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of the ticket printer agent on a kiosk or counter PC. */
public final class AgentMain {

  private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

  private AgentMain() {}

  public static void main(String[] args) throws Exception {
    AgentOptions options;
    try {
      options = AgentOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(AgentOptions.USAGE);
      System.exit(2);
      return;
    }
    Agent agent = Agent.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "agent-shutdown"));
    LOG.info(
        "agent running: server {}, local endpoint http://127.0.0.1:{}{}",
        options.server(),
        options.localPort(),
        options.simulate() ? ", simulated devices" : "");
  }
}
