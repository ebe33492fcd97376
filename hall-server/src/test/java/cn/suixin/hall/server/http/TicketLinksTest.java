package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.TicketSecrets;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ticket ids are sequential (A001, A002...): the id alone must not show anyone's ticket. The link
 * on the slip carries a secret; its holder, the hall's staff and the issuing kiosk read the ticket,
 * anyone else gets the same 404 as for a ticket that does not exist.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketLinksTest {
  @TempDir static Path data;
  static ServerFixture server;
  static JsonObject ticket;
  static String path;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    ticket = server.issue("HH-CERT");
    path = city("tickets/" + ticket.getString("id"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String secret() {
    return URI.create(ticket.getString("followUrl")).getQuery().substring("k=".length());
  }

  @Test
  void without_the_secret_the_ticket_is_not_found_exactly_like_a_ticket_that_does_not_exist() {
    HttpReply r = server.get(path, null);
    assertThat(r.status()).isEqualTo(404);
    HttpReply none = server.get(city("tickets/20200101-A999"), null);
    assertThat(r.json()).isEqualTo(none.json());
    assertThat(r.code()).isEqualTo("UNKNOWN_TICKET");
  }

  @Test
  void with_a_wrong_secret_it_is_not_found() {
    String k = secret();
    String wrong = (k.charAt(0) == 'A' ? "B" : "A") + k.substring(1);
    assertThat(server.get(path + "?k=" + wrong, null).status()).isEqualTo(404);
    assertThat(server.get(path + "?k=", null).status()).isEqualTo(404);
    assertThat(server.get(path + "?k=" + "x".repeat(500), null).status()).isEqualTo(404);
  }

  @Test
  void another_tickets_secret_does_not_open_this_one() {
    JsonObject next = server.issue("HH-CERT");
    String other = URI.create(next.getString("followUrl")).getQuery();
    assertThat(server.get(path + "?" + other, null).status()).isEqualTo(404);
  }

  @Test
  void with_the_secret_of_its_link_the_phone_reads_it() {
    HttpReply r = server.get(path + "?k=" + secret(), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getString("number")).isEqualTo(ticket.getString("number"));
  }

  @Test
  void staff_of_the_hall_read_it_without_the_secret() {
    for (String who : new String[] {"clerk1", "guide", "supervisor", "admin"}) {
      assertThat(server.get(path, server.token(who)).status()).as(who).isEqualTo(200);
    }
    assertThat(server.get(path, server.token("otherguide")).status())
        .as("staff of another hall")
        .isEqualTo(404);
  }

  @Test
  void the_kiosk_that_issued_it_reads_it_and_another_device_does_not() {
    assertThat(server.get(path, server.token("kiosk")).status()).isEqualTo(200);
    assertThat(server.get(path, server.token("display")).status()).isEqualTo(404);
    assertThat(server.get(path, server.token("kioskAnju")).status()).isEqualTo(404);
  }

  @Test
  void the_secret_is_not_derivable_from_the_id_alone() {
    String id = ticket.getString("id");
    // another installation's key gives another secret for the same hall and ticket
    assertThat(TicketSecrets.random().of("city", id)).isNotEqualTo(secret());
    assertThat(TicketSecrets.random().matches("city", id, secret())).isFalse();
    // and the secret is tied to the hall as well as the id
    assertThat(server.get("/api/v1/halls/anju/tickets/" + id + "?k=" + secret(), null).status())
        .isEqualTo(404);
    assertThat(secret()).hasSize(22).doesNotContain(id);
  }

  @Test
  void every_node_on_the_same_store_derives_the_same_secret() {
    TicketSecrets again =
        ServerFixture.await(TicketSecrets.load(server.server().store().records()));
    assertThat(again.of("city", ticket.getString("id"))).isEqualTo(secret());
    assertThat(again.matches("city", ticket.getString("id"), secret())).isTrue();
  }
}
