package cn.suixin.hall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.suixin.hall.server.http.ServerFixture;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.ArrayList;
import java.util.List;

/** What the tests wait for on a page, by the ids and classes the pages already have. */
final class Pages {
  private Pages() {}

  /** Waits until the page's live feed is open (page.js mirrors it to body[data-conn]). */
  static void awaitLive(Page page) {
    assertThat(page.locator("body[data-conn=open]"))
        .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
  }

  /**
   * Enrols the context's browser as a kiosk the way a technician does, through the enrolment page,
   * and returns the kiosk page it moves on to (with no token in its address).
   */
  static Page enrolKiosk(
      BrowserContext context, ServerFixture hall, String token, List<String> errors) {
    Page page =
        Chromium.open(context, hall.url("/halls/" + ServerFixture.HALL + "/kiosk/enrol"), errors);
    page.locator("#enrol input[name=token]").fill(token);
    page.locator("#submit").click();
    page.waitForURL(hall.url("/halls/" + ServerFixture.HALL + "/kiosk"));
    page.locator("sx-matter-picker button[data-matter]").first().waitFor();
    return page;
  }

  /** Logs a staff member in through the page's own form. */
  static void logIn(Page page, String username) {
    page.locator("sx-login-form input[name=username]").fill(username);
    page.locator("sx-login-form input[name=password]").fill(ServerFixture.PASSWORD);
    page.locator("sx-login-form button[type=submit]").click();
    assertThat(page.locator("#app")).isVisible();
  }

  /** The clip names a call is read with: 「请 B001 号到 3 号窗口办理」, chime first, said twice. */
  static List<String> callClips(String number, List<String> windowClips) {
    List<String> once = new ArrayList<>();
    once.add("qing");
    for (char c : number.toCharArray()) {
      once.add(Character.isDigit(c) ? "digit-" + c : "letter-" + Character.toLowerCase(c));
    }
    once.add("hao");
    once.add("dao");
    once.addAll(windowClips);
    once.add("hao-chuangkou");
    once.add("banli");
    List<String> all = new ArrayList<>();
    all.add("chime");
    all.addAll(once);
    all.addAll(once);
    return all;
  }
}
