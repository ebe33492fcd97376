package cn.suixin.agent.device;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Eventually;
import cn.suixin.agent.OnContext;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextLineWindowDisplayTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    OnContext.result(vertx.close());
  }

  @Test
  void a_call_becomes_a_gb18030_line_and_is_refreshed() throws Exception {
    InMemorySerialPair pair = new InMemorySerialPair("led");
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    pair.deviceEnd()
        .listen(
            new SerialListener() {
              @Override
              public void onBytes(byte[] data, int length) {
                synchronized (screen) {
                  screen.write(data, 0, length);
                }
              }

              @Override
              public void onDisconnected() {}
            });
    pair.deviceEnd().open();
    pair.agentEnd().open();
    Context agent = OnContext.of(vertx, ThreadingModel.WORKER);
    TextLineWindowDisplay display =
        new TextLineWindowDisplay(agent, pair.agentEnd(), 200, () -> System.nanoTime() / 1_000_000);
    OnContext.run(
        agent,
        () -> {
          display.start();
          display.showCall("A001", 3);
        });
    String line = "请 A001 号到 3 号窗口办理\r\n";
    Eventually.waitFor(() -> text(screen).split("\r\n", -1).length >= 3);
    assertThat(text(screen)).startsWith(line + line);
  }

  private static String text(ByteArrayOutputStream b) {
    synchronized (b) {
      return new String(b.toByteArray(), Charset.forName("GB18030"));
    }
  }
}
