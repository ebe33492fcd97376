package cn.suixin.hall.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MasksTest {
  @Test
  void an_id_number_anywhere_in_text_is_masked_whatever_its_check_digit() {
    assertThat(Masks.inText("身份证510903199001011238号")).isEqualTo("身份证5109**********1238号");
    assertThat(Masks.inText("ID 51090319900101123x, again 51090319900101123X"))
        .isEqualTo("ID 5109**********123x, again 5109**********123X");
    assertThat(Masks.inText("old card 510903900101123")).isEqualTo("old card 5109*******1123");
  }

  @Test
  void a_mobile_number_is_masked_with_or_without_the_country_code() {
    assertThat(Masks.inText("电话13812345678")).isEqualTo("电话138****5678");
    assertThat(Masks.inText("+86 13812345678 或 +8619987654321"))
        .isEqualTo("+86 138****5678 或 +861******4321");
  }

  @Test
  void numbers_typed_together_are_masked_as_one_run_so_neither_shows() {
    assertThat(Masks.inText("1998765432151090319900101123 8"))
        .isEqualTo("1998********************1123 8");
    assertThat(Masks.inText("13812345678510903900101123\n"))
        .doesNotContain("13812345678")
        .doesNotContain("510903900101123");
  }

  @Test
  void digits_typed_full_width_by_an_input_method_are_masked_too() {
    assertThat(Masks.inText("１３８１２３４５６７８")).isEqualTo("１３８****５６７８");
  }

  @Test
  void runs_of_up_to_ten_digits_are_left_as_they_are() {
    for (String text :
        new String[] {
          "1234567890", "票号 B001，记录 4294967297", "2026-05-01T09:30:00Z", "电话 0825-2223344"
        }) {
      assertThat(Masks.inText(text)).isEqualTo(text);
    }
    assertThat(Masks.inText(null)).isNull();
  }
}
