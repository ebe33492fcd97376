package cn.suixin.hall.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node told its public address hands out ticket links a phone on mobile data can open. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicLinksTest {
  @TempDir Path data;

  @Test
  void with_a_public_url_the_ticket_link_is_absolute() {
    try (ServerFixture server = ServerFixture.start(data, "https://suixin.example.gov.cn")) {
      JsonObject kiosk = server.issue("HH-CERT");
      assertThat(kiosk.getString("followUrl"))
          .startsWith("https://suixin.example.gov.cn/t/city/" + kiosk.getString("id") + "?k=");
      HttpReply phone =
          server.post(
              "/api/v1/halls/city/tickets", null, new JsonObject().put("matter", "HH-CERT"));
      assertThat(phone.status()).isEqualTo(201);
      assertThat(phone.json().getString("followUrl"))
          .startsWith("https://suixin.example.gov.cn/t/city/");
    }
  }
}
