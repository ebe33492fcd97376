package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.view.RandomHallDay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The owner's replies to random days of commands, pinned byte for byte: clients read the ticket,
 * the rule of a call, the block and the follow-up from them. Taken before the replies read what
 * an event touched from the applier; run with {@code -Dgolden.print=true} to see new digests.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RepliesGoldenTest {
  private static final List<String> GOLDEN = List.of(
      "38ba55826c8d3a769b99940c74dc6a0a42b4fc7f342349e0f202ab412bdab5fc",
      "581fbc6aa1387cfc1f3955d7215b5d655c5cbb6b0b7a7425b2be002f57669452",
      "23195816a3b09ce3807dbfef3ce0dc9e79a96eaeabfd7d38527f071eca84cad3",
      "17a791c89753975be4030605f0981fed5fbe9211b7c9448e5f9e2abaa2f369a4",
      "5d8a9e0dfeadb068bf9abe41b60f7651f36ba14bb73dbbd517f1f18563160afb",
      "6b4fa344762ae2d2115aeb617d61f47f446f52218c439988cbd1fec8183e2dee");

  @Test
  void random_days_give_the_same_replies_as_before() throws Exception {
    List<String> digests = new ArrayList<>();
    for (int seed = 1; seed <= 6; seed++) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      RandomHallDay day = new RandomHallDay(seed);
      day.run(600, (c, r) -> sha.update((Replies.of(c, r, day.engine.state()).encode() + "\n")
          .getBytes(StandardCharsets.UTF_8)));
      digests.add(HexFormat.of().formatHex(sha.digest()));
    }
    if (Boolean.getBoolean("golden.print")) {
      digests.forEach(d -> System.out.println("      \"" + d + "\","));
    }
    assertThat(digests).isEqualTo(GOLDEN);
  }
}
