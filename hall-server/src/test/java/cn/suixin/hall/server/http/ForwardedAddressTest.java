package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.BadInputTest.assertProblem;
import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind the load balancer every phone arrives from the balancer's address. With the balancer (here
 * 127.0.0.1, where the test connects from) and an inner proxy trusted, each phone is limited by the
 * address the balancer saw: a burst of 3 tickets, then 429.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForwardedAddressTest {
  @TempDir static Path data;
  static ServerFixture server;

  @BeforeAll
  static void start() {
    server =
        ServerFixture.start(
            data,
            o ->
                o.withDoors(
                    new Doors(
                        TrustedProxies.parse("127.0.0.1, 10.8.0.0/16"), null, "127.0.0.1", -1)),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void two_phones_behind_the_balancer_each_get_their_own_limit() {
    limitedAfterABurst(Map.of("X-Forwarded-For", "203.0.113.10"));
    limitedAfterABurst(Map.of("X-Forwarded-For", "203.0.113.11"));
    HttpReply again = phone(Map.of("X-Forwarded-For", "203.0.113.10"));
    assertProblem(again, 429, "RATE_LIMITED");
    assertThat(again.header("Retry-After")).isNotNull();
  }

  @Test
  void
      a_phone_behind_a_chain_of_proxies_is_counted_under_its_own_address_not_an_address_it_claims() {
    limitedAfterABurst(Map.of("X-Forwarded-For", "203.0.113.20, 10.8.1.1"));
    // the same phone putting made-up addresses in front of its own changes nothing
    assertThat(phone(Map.of("X-Forwarded-For", "192.0.2.99, 203.0.113.20, 10.8.1.1")).status())
        .isEqualTo(429);
    assertThat(phone(Map.of("Forwarded", "for=192.0.2.98, for=203.0.113.20;proto=https")).status())
        .as("said with Forwarded")
        .isEqualTo(429);
  }

  @Test
  void an_ipv6_phone_is_limited_by_its_slash_64_so_new_addresses_in_it_do_not_escape() {
    limitedAfterABurst(Map.of("X-Forwarded-For", "2001:db8:40:1::a"));
    assertThat(phone(Map.of("X-Forwarded-For", "2001:db8:40:1:ffff::b")).status())
        .as("same /64")
        .isEqualTo(429);
    assertThat(phone(Map.of("Forwarded", "for=\"[2001:db8:40:2::a]:443\"")).status())
        .as("another /64")
        .isEqualTo(201);
  }

  /**
   * Phone requests until the first 429 (at most 8): the phone's own burst of 3 (one more if the
   * machine is slow enough for its bucket to refill), each issued, then the limit.
   */
  private static void limitedAfterABurst(Map<String, String> headers) {
    List<Integer> statuses = new ArrayList<>();
    while (statuses.size() < 8 && !statuses.contains(429)) {
      statuses.add(phone(headers).status());
    }
    assertThat(statuses).as("%s", headers).endsWith(429);
    assertThat(statuses.subList(0, statuses.size() - 1))
        .as("%s", headers)
        .hasSizeBetween(3, 4)
        .containsOnly(201);
  }

  private static HttpReply phone(Map<String, String> headers) {
    return ServerFixture.await(
        server.send(
            HttpMethod.POST,
            city("tickets"),
            null,
            new JsonObject().put("matter", "HH-CERT").toBuffer(),
            headers));
  }
}
