package cn.suixin.hall.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.Applied;
import cn.suixin.hall.server.codec.EventTypes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The live feed's bytes for random days in the city hall, pinned: screens and agents read these
 * messages field by field, so a change in how the server finds what an event touched must not move
 * a single byte. The digests were taken from the feed as it stood before the applier reported what
 * it touched; a deliberate change of the feed updates them (run with {@code -Dgolden.print=true} to
 * see the new ones).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveMessagesGoldenTest {
  private static final int DAYS = 12;
  private static final int STEPS = 600;
  private static final List<String> GOLDEN =
      List.of(
          "3ac4553de6b5b46b3d009374544cac9c3194f8f337bd5bdc489c10a0dbaf1dce",
          "96b5400833d8be527dd9d00d192d65fc12dddef5538c7b47c3abdd9a75b4734a",
          "53e577355adeee78033c0e544bc827b5081423ccc9222cc81e73f685d1ee460b",
          "204a91d2894b4675d4c239487e6c01bf4b24efa19f87325466f9fdef7aa0ebb7",
          "33725809d5ccc604828949b383009c689e7afce2a4c4a532135c5d4bbbc69ff1",
          "594cc0d078d95860d37e82acb63953e0c4c7ce34f0e3dc9eafb6e7a76e9dff8e",
          "42c232c3706ea86232b3e52badc077523f51c75fb18102de574875b24a0281e1",
          "782a8425a9a209af0c25072c7f5484bba381c68a7cf7d883d886017f836df468",
          "85e6e3b57b4cd2502f973a3c44859c8cdc7f22673efd9bce8ec99f726a7ea515",
          "e326f86cb4f6ec288802aed97878341a87670fb92107cc2ef916ec0a91d07912",
          "bdd31faa1d58c906d36e30decbbc879611d39180fbacff37fabfd2bd8b7c2d8d",
          "60ebf36fcb3131d5549c069e3223635e7b335d11d3b9534cf3874d824b91b4b2");

  @Test
  void random_days_give_the_same_live_messages_as_before() throws Exception {
    List<String> digests = new ArrayList<>();
    Set<String> types = new TreeSet<>();
    for (int seed = 1; seed <= DAYS; seed++) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      RandomHallDay day = new RandomHallDay(seed);
      LiveMessages live = new LiveMessages();
      day.run(
          STEPS,
          (c, r) -> {
            for (Applied a : r.applied()) {
              live.track(a.event(), day.engine.state());
              String m = canonical(live.message(a, day.engine.state(), day.localNow())).encode();
              sha.update((m + "\n").getBytes(StandardCharsets.UTF_8));
              types.add(EventTypes.of(a.event().event()));
            }
          });
      digests.add(HexFormat.of().formatHex(sha.digest()));
    }
    if (Boolean.getBoolean("golden.print")) {
      digests.forEach(d -> System.out.println("      \"" + d + "\","));
    }
    // the days must reach every kind of event the feed carries, or the pin proves little
    assertThat(types).as("event types met").hasSize(23);
    assertThat(digests).isEqualTo(GOLDEN);
  }

  /**
   * A window's own event lists the matters it serves in the order of its weights map, which {@code
   * Map.copyOf} makes differ from one JVM to the next; only that list is put in order here.
   */
  private static JsonObject canonical(JsonObject m) {
    String type = m.getString("type");
    if (type.startsWith("window.") || type.startsWith("clerk.")) {
      JsonArray matters = m.getJsonObject("changes").getJsonArray("matters");
      List<Object> sorted = new ArrayList<>(matters.getList());
      sorted.sort(
          Comparator.comparing(
              o ->
                  o instanceof JsonObject j
                      ? j.getString("code")
                      : String.valueOf(((java.util.Map<?, ?>) o).get("code"))));
      m.getJsonObject("changes").put("matters", new JsonArray(sorted));
    }
    return m;
  }
}
