package cn.suixin.hall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.testing.RequiredTool;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HallPagesEndToEndTest {
  /**
   * How long a call may take to reach the hall's screens, from the clerk's click: a limit on the
   * waits.
   */
  private static final long SCREEN_LATENCY_MS = 1000;

  @TempDir static Path data;
  static ServerFixture hall;
  static Chromium chromium;
  static String kioskToken;

  @BeforeAll
  static void start() {
    RequiredTool.CHROMIUM.require();
    hall = ServerFixture.builder(data).withoutTestAccounts().start();
    hall.addUser("clerk3", Role.CLERK, "C0003", "刘建国");
    kioskToken = hall.kiosk(ServerFixture.HALL, "browser-test-kiosk");
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (hall != null) {
      hall.close();
    }
  }

  @Test
  void
      a_ticket_taken_at_the_kiosk_and_called_from_the_clerk_console_shows_on_the_screens_is_spoken_and_reaches_the_phone() {
    List<String> errors = new ArrayList<>();
    BrowserContext screens = chromium.context(1920, 1080);
    Page screen = Chromium.open(screens, hall.url("/halls/city/screen"), errors);
    Page windowScreen = Chromium.open(screens, hall.url("/halls/city/windows/03/screen"), errors);
    Pages.awaitLive(screen);
    Pages.awaitLive(windowScreen);

    Page kiosk = Pages.enrolKiosk(chromium.context(1080, 1920), hall, kioskToken, errors);
    // a hall with many matters shows them by category, one tab at a time
    kiosk.locator("sx-matter-picker button[data-matter]").first().waitFor();
    Locator tab = kiosk.locator("sx-matter-picker button[data-category='HOUSEHOLD_ID']");
    if (tab.count() > 0) {
      tab.click();
    }
    kiosk.locator("sx-matter-picker button[data-matter='HH-ID-RENEW'][data-channel='']").click();
    assertThat(kiosk.locator("#confirm")).isVisible();
    Response issued =
        kiosk.waitForResponse(
            r ->
                r.url().endsWith("/api/v1/halls/city/tickets")
                    && "POST".equals(r.request().method()),
            () -> kiosk.locator("#take").click());
    assertThat(issued.status()).isEqualTo(201);
    JsonObject ticket = new JsonObject(issued.text());
    String number = ticket.getString("number");
    assertThat(number).startsWith("B");
    assertThat(kiosk.locator("sx-ticket-slip .sx-slip-number")).hasText(number);

    // the slip's link, secret and all: the id alone opens nothing
    assertThat(ticket.getString("followUrl"))
        .startsWith("/t/city/" + ticket.getString("id") + "?k=");
    Page phone = Chromium.open(chromium.phone(), hall.url(ticket.getString("followUrl")), errors);
    assertThat(phone.locator("#number")).hasText(number);
    assertThat(phone.locator("#status")).hasText("等候中");

    Page clerk = Chromium.open(chromium.context(1366, 768), hall.url("/halls/city/clerk"), errors);
    Pages.logIn(clerk, "clerk3");
    Pages.awaitLive(clerk);
    clerk.locator("#window").selectOption("03");
    clerk.locator("#buttons button[data-action=sign-in]").click();
    assertThat(clerk.locator("#buttons button[data-action=call-next]")).isEnabled();

    long clicked = System.nanoTime();
    clerk.locator("#buttons button[data-action=call-next]").click();
    assertThat(screen.locator("sx-now-calling .sx-call.sx-newest .sx-call-number"))
        .hasText(number, new LocatorAssertions.HasTextOptions().setTimeout(SCREEN_LATENCY_MS));
    assertThat(windowScreen.locator("sx-window-status .sx-ws-number"))
        .hasText(number, new LocatorAssertions.HasTextOptions().setTimeout(remaining(clicked)));
    // The two waits share the one budget (remaining), so the bound holds as a limit on the waits,
    // not as a measured duration compared afterwards.
    System.out.println(
        "call shown on the hall and window screens "
            + (System.nanoTime() - clicked) / 1_000_000
            + " ms after the click");
    assertThat(screen.locator("sx-now-calling .sx-call.sx-newest .sx-call-window"))
        .containsText("综合受理3号窗口");
    assertThat(windowScreen.locator("sx-window-status .sx-ws-state")).hasText("正在呼叫");
    assertThat(clerk.locator("#current")).hasText(number);

    // Window "03" is read as a Chinese number: 三, one clip.
    List<String> expected = Pages.callClips(number, List.of("digit-3"));
    screen.waitForFunction("() => window.sxSpokenCalls.length > 0");
    JsonArray spoken =
        new JsonArray(screen.evaluate("JSON.stringify(window.sxSpokenCalls)").toString());
    assertThat(spoken).hasSize(1);
    assertThat(spoken.getJsonObject(0).getString("label")).isEqualTo(number + "@03");
    assertThat(spoken.getJsonObject(0).getJsonArray("clips").getList())
        .containsExactlyElementsOf(expected);
    List<?> pending =
        new JsonArray(
                screen.evaluate("JSON.stringify(window.sxVoiceQueue.pendingClips())").toString())
            .getList();
    List<?> played =
        new JsonArray(screen.evaluate("JSON.stringify(window.sxVoiceQueue.played)").toString())
            .getList();
    System.out.println("voice queue: played " + played + ", pending " + pending);
    // What the queue still holds is the tail of that call, in order; the window screen stays
    // silent.
    assertThat(expected.subList(expected.size() - pending.size(), expected.size()))
        .isEqualTo(pending);
    assertThat(windowScreen.evaluate("window.sxSpokenCalls.length")).isEqualTo(0);

    assertThat(phone.locator("#status")).hasText("已叫号");
    assertThat(phone.locator("#called")).hasText("请到 综合受理3号窗口 办理");
    assertThat(errors).isEmpty();
  }

  private static double remaining(long since) {
    return Math.max(1, SCREEN_LATENCY_MS - (System.nanoTime() - since) / 1_000_000);
  }
}
