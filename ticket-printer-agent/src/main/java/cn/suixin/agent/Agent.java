package cn.suixin.agent;

import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.sim.PadSimulator;
import cn.suixin.agent.sim.PrinterSimulator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running agent for its main and for tests: its own Vert.x with the agent verticle deployed. */
public final class Agent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  public static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
  private static final long WAIT_SECONDS = 30;

  private final Vertx vertx;
  private final AgentVerticle verticle;

  private Agent(Vertx vertx, AgentVerticle verticle) {
    this.vertx = vertx;
    this.verticle = verticle;
  }

  /** Starts everything; returns once the devices are open and the local endpoint listens. */
  public static Agent start(AgentOptions o, Backoff linkBackoff) throws Exception {
    Vertx vertx = Vertx.vertx();
    AgentVerticle verticle = new AgentVerticle(o, linkBackoff);
    try {
      vertx
          .deployVerticle(
              verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
          .await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
    return new Agent(vertx, verticle);
  }

  public static Agent start(AgentOptions o) throws Exception {
    return start(o, new Backoff(500, 60_000));
  }

  public boolean linkUp() throws Exception {
    return verticle.linkUp().await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The simulated printer when running with --simulate and no printer port, else null. */
  public PrinterSimulator printerSimulator() {
    return verticle.printerSimulator();
  }

  public PadSimulator padSimulator() {
    return verticle.padSimulator();
  }

  @Override
  public void close() {
    try {
      vertx.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("the agent did not stop cleanly: {}", e.toString());
    }
  }
}
