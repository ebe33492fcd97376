package cn.suixin.hall.server.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StrictJsonTest {
  @Test
  void standard_json_is_read_with_whole_numbers_kept_apart_from_decimals() {
    JsonObject o =
        (JsonObject)
            StrictJson.parse(
                "{\"a\":2,\"b\":2.0,\"c\":4294967297,\"d\":"
                    + "9".repeat(30)
                    + ",\"e\":[true,null,\"😀\"]}");
    assertThat(o.getValue("a")).isEqualTo(2);
    assertThat(o.getValue("b")).isEqualTo(new BigDecimal("2.0"));
    assertThat(o.getValue("c")).isEqualTo(4294967297L);
    assertThat(o.getValue("d")).isEqualTo(new BigInteger("9".repeat(30)));
    assertThat(o.getJsonArray("e")).isEqualTo(new JsonArray().add(true).addNull().add("😀"));
  }

  @Test
  void what_lenient_parsers_allow_is_refused_as_a_problem_of_the_body() {
    for (String text :
        new String[] {
          "{/*c*/}",
          "{\"a\":1 // c\n}",
          "# c\n{}",
          "{'a':1}",
          "{a:1}",
          "{\"a\":1,}",
          "[1,]",
          "[1,,2]",
          "{\"a\":NaN}",
          "{\"a\":Infinity}",
          "{\"a\":01}",
          "{\"a\":\"\t\"}",
          "{} {}",
          "{}x",
          "",
          "{\"a\":" + "1".repeat(70) + "}",
          "[".repeat(40) + "]".repeat(40)
        }) {
      assertThatThrownBy(() -> StrictJson.parse(text))
          .as(text)
          .isInstanceOfSatisfying(BadField.class, e -> assertThat(e.field()).isEqualTo("body"));
    }
  }

  @Test
  void a_name_given_twice_is_refused_without_repeating_the_name() {
    assertThatThrownBy(
            () -> StrictJson.parse("{\"510903199001011238\":1,\"510903199001011238\":2}"))
        .isInstanceOfSatisfying(
            BadField.class,
            e -> {
              assertThat(e.field()).isEqualTo("body");
              assertThat(e.getMessage()).doesNotContain("510903199001011238");
            });
  }

  @Test
  void a_lone_surrogate_is_refused_naming_where_it_is() {
    assertThatThrownBy(() -> StrictJson.parse("{\"tickets\":[{\"n\":1},{\"n\":\"\\ud800\"}]}"))
        .isInstanceOfSatisfying(
            BadField.class, e -> assertThat(e.field()).isEqualTo("tickets[1].n"));
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":\"x\\udc00\"}"))
        .isInstanceOfSatisfying(BadField.class, e -> assertThat(e.field()).isEqualTo("a"));
    assertThatThrownBy(() -> StrictJson.parse("{\"\\ud83d\":1}"))
        .isInstanceOfSatisfying(BadField.class, e -> assertThat(e.field()).isEqualTo("body"));
    assertThat(StrictJson.parse("\"\\ud83d\\ude00\"")).isEqualTo("😀");
  }

  @Test
  void bytes_that_are_not_utf_8_are_refused_not_replaced() {
    for (byte[] bytes :
        new byte[][] {
          {'"', (byte) 0xE9, '"'},
          {'"', (byte) 0xC0, (byte) 0xAF, '"'},
          {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}
        }) {
      assertThatThrownBy(() -> StrictJson.utf8(bytes)).isInstanceOf(BadField.class);
    }
  }
}
