package cn.suixin.hall.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Whose address a request is counted under, from its TCP peer and its forwarded headers. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClientAddressTest {
  private final ClientAddress behindProxies =
      new ClientAddress(TrustedProxies.parse("10.0.0.5, 10.0.1.0/24, 2001:db8:ffff::/48"));
  private final ClientAddress direct = new ClientAddress(TrustedProxies.NONE);

  @Test
  void a_peer_that_is_no_trusted_proxy_is_the_client_whatever_its_headers_say() {
    assertThat(direct.resolve("203.0.113.9", List.of("198.51.100.1"), List.of("for=198.51.100.2")))
        .isEqualTo("203.0.113.9");
    assertThat(behindProxies.resolve("203.0.113.9", List.of("198.51.100.1"), List.of()))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void behind_a_trusted_proxy_the_right_most_address_it_did_not_write_itself_is_the_client() {
    assertThat(behindProxies.resolve("10.0.0.5", List.of("198.51.100.7"), List.of()))
        .isEqualTo("198.51.100.7");
    // what the phone put in front of its real address is its own claim and proves nothing
    assertThat(behindProxies.resolve("10.0.0.5", List.of("1.2.3.4, 198.51.100.7"), List.of()))
        .isEqualTo("198.51.100.7");
    assertThat(behindProxies.resolve("10.0.0.5", List.of(), List.of()))
        .as("no header: the proxy itself")
        .isEqualTo("10.0.0.5");
  }

  @Test
  void a_chain_of_trusted_proxies_is_walked_back_to_the_first_hop_that_is_not_one() {
    assertThat(
            behindProxies.resolve(
                "10.0.0.5", List.of("1.2.3.4, 198.51.100.7, 10.0.1.20"), List.of()))
        .isEqualTo("198.51.100.7");
    assertThat(
            behindProxies.resolve(
                "10.0.0.5", List.of("1.2.3.4, 198.51.100.7", "10.0.1.20, 10.0.1.21"), List.of()))
        .as("the header given twice is one list")
        .isEqualTo("198.51.100.7");
    assertThat(behindProxies.resolve("10.0.0.5", List.of("10.0.1.20, 10.0.1.21"), List.of()))
        .as("every hop a proxy: the farthest")
        .isEqualTo("10.0.1.20");
  }

  @Test
  void ipv6_peers_clients_and_proxies_with_ports_and_brackets() {
    assertThat(
            behindProxies.resolve("2001:db8:ffff::1", List.of("2001:DB8:0:1:0:0:0:7"), List.of()))
        .isEqualTo("2001:db8:0:1::7");
    assertThat(
            behindProxies.resolve(
                "2001:db8:ffff::1", List.of("[2001:db8:0:1::7]:4711, 2001:db8:ffff::2"), List.of()))
        .isEqualTo("2001:db8:0:1::7");
    assertThat(behindProxies.resolve("::ffff:10.0.0.5", List.of("198.51.100.7:5555"), List.of()))
        .as("IPv4 written as IPv6 is IPv4")
        .isEqualTo("198.51.100.7");
    assertThat(direct.resolve("2001:db8::9", List.of("198.51.100.7"), List.of()))
        .isEqualTo("2001:db8::9");
  }

  @Test
  void the_forwarded_header_is_read_when_there_is_no_x_forwarded_for() {
    assertThat(
            behindProxies.resolve(
                "10.0.0.5",
                List.of(),
                List.of(
                    "for=1.2.3.4, for=\"[2001:db8:0:1::7]:4711\";proto=https, for=10.0.1.20;by=10.0.0.5")))
        .isEqualTo("2001:db8:0:1::7");
    assertThat(behindProxies.resolve("10.0.0.5", List.of(), List.of("For=198.51.100.7;proto=http")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void an_unreadable_hop_stops_the_walk_at_the_last_trusted_one() {
    assertThat(behindProxies.resolve("10.0.0.5", List.of("198.51.100.7, unknown"), List.of()))
        .isEqualTo("10.0.0.5");
    assertThat(behindProxies.resolve("10.0.0.5", List.of(), List.of("for=_hidden, for=10.0.1.20")))
        .isEqualTo("10.0.1.20");
  }

  @Test
  void an_ipv6_client_is_limited_by_its_slash_64_an_ipv4_one_by_its_address() {
    assertThat(ClientAddress.limitKey("2001:db8:0:1::7")).isEqualTo("2001:db8:0:1::/64");
    assertThat(ClientAddress.limitKey("2001:db8:0:1:ffff::8")).isEqualTo("2001:db8:0:1::/64");
    assertThat(ClientAddress.limitKey("198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(ClientAddress.limitKey("unknown")).isEqualTo("unknown");
  }

  @Test
  void a_trusted_proxy_list_with_a_name_or_a_bad_prefix_is_refused_naming_the_entry() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5, lb.example.gov.cn"))
        .hasMessageContaining("lb.example.gov.cn");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .hasMessageContaining("10.0.0.0/33")
        .hasMessageContaining("0..32");
    assertThatThrownBy(() -> TrustedProxies.parse("2001:db8::/129")).hasMessageContaining("0..128");
    assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
  }
}
