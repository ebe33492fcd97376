package cn.suixin.agent.sim;

import static cn.suixin.agent.Eventually.waitFor;
import static cn.suixin.agent.OnContext.result;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Hex;
import cn.suixin.agent.OnContext;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrinterSimulatorTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    result(vertx.close());
  }

  @Test
  void dle_eot_is_answered_even_inside_print_data_and_is_not_printed() throws Exception {
    InMemorySerialPair pair = new InMemorySerialPair("p");
    PrinterSimulator sim =
        result(
            new PrinterSimulator(
                    OnContext.of(vertx, ThreadingModel.EVENT_LOOP),
                    pair.deviceEnd(),
                    Charset.forName("GB18030"))
                .start());
    result(sim.setStatusBytes(0x12, 0x12, 0x12, 0x1E));
    ByteArrayOutputStream answers = new ByteArrayOutputStream();
    pair.agentEnd()
        .listen(
            new SerialListener() {
              @Override
              public synchronized void onBytes(byte[] data, int length) {
                answers.write(data, 0, length);
              }

              @Override
              public void onDisconnected() {}
            });
    pair.agentEnd().open();
    pair.agentEnd().write(Hex.bytes("1B 40 41 10 04 04 42 10 41 0A"));
    waitFor(() -> result(sim.printedBytes()).length == 7);
    assertThat(Hex.of(result(sim.printedBytes()))).isEqualTo("1B 40 41 42 10 41 0A");
    waitFor(() -> answers.size() == 1);
    assertThat(answers.toByteArray()).containsExactly(0x1E);
    assertThat(result(sim.tickets()).get(0).lines()).containsExactly("AB\u0010A");
  }
}
