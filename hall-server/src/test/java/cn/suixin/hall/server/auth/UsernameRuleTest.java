package cn.suixin.hall.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UsernameRuleTest {
  @Test
  void staff_names_and_numbers_are_usernames() {
    assertThat(Accounts.isUsername("li.ming")).isTrue();
    assertThat(Accounts.isUsername("clerk_10086")).isTrue();
    assertThat(Accounts.isUsername("a-1234567890")).isTrue();
  }

  @Test
  void a_name_that_reads_as_an_id_or_phone_number_is_not_a_username() {
    // usernames are echoed in answers and logs: an ID or phone number there would be in clear
    assertThat(Accounts.isUsername("510903199001011238")).isFalse();
    assertThat(Accounts.isUsername("13800138000")).isFalse();
    assertThat(Accounts.isUsername("user13800138000")).isFalse();
  }

  @Test
  void shape_is_still_checked() {
    assertThat(Accounts.isUsername("x")).isFalse();
    assertThat(Accounts.isUsername("李明")).isFalse();
    assertThat(Accounts.isUsername(null)).isFalse();
  }
}
