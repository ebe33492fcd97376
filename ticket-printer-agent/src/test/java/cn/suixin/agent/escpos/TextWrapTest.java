package cn.suixin.agent.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Hex;
import org.junit.jupiter.api.Test;

class TextWrapTest {

  @Test
  void chinese_counts_two_columns_and_is_never_split() {
    assertThat(TextWrap.wrap("政务服务中心", 5)).containsExactly("政务", "服务", "中心");
    assertThat(TextWrap.wrap("A号窗口", 4)).containsExactly("A号", "窗口");
  }

  @Test
  void short_text_stays_on_one_line() {
    assertThat(TextWrap.wrap("A001", 32)).containsExactly("A001");
    assertThat(TextWrap.wrap("", 32)).containsExactly("");
  }

  @Test
  void a_long_matter_name_on_a_58_mm_printer_breaks_between_characters() {
    // 17 Chinese characters = 34 columns > 32: the 17th goes to a second line
    String matter = "出入境证件办理港澳通行证签注业务办";
    byte[] b = new EscPosWriter(PrinterProfile.ZIJIANG_58).line(matter).toByteArray();
    assertThat(Hex.of(b)).endsWith("D2 B5 CE F1 0A B0 EC 0A"); // ...业务 LF 办 LF
    assertThat(new EscPosRenderer(PrinterProfile.ZIJIANG_58.charset()).render(b).lines())
        .containsExactly("出入境证件办理港澳通行证签注业务", "办");
  }
}
