package cn.suixin.hall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.testing.RequiredTool;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
class ScreenReconnectTest {
  @TempDir static Path data;
  static ServerFixture hall;
  static Chromium chromium;

  @BeforeAll
  static void start() {
    RequiredTool.CHROMIUM.require();
    hall = ServerFixture.builder(data).withoutTestAccounts().start();
    hall.addUser("clerk1", Role.CLERK, "C0001", "张晓明");
    hall.addUser("clerk2", Role.CLERK, "C0002", "陈思雨");
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
      screens_reconnect_after_a_server_restart_and_show_the_calls_made_meanwhile_without_stale_ones() {
    HallApi api = new HallApi(hall.url(""));
    String kiosk = hall.kiosk(ServerFixture.HALL, "browser-test-kiosk");
    String clerk1 = api.login("clerk1");
    String clerk2 = api.login("clerk2");
    api.window(clerk1, "01", "sign-in").expect(200);
    api.window(clerk2, "02", "sign-in").expect(200);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      numbers.add(api.issue(kiosk, "HH-ID-RENEW").getString("number"));
    }

    List<String> errors = new ArrayList<>();
    BrowserContext context = chromium.context(1920, 1080);
    Page screen = Chromium.open(context, hall.url("/halls/city/screen"), errors);
    Page windowScreen = Chromium.open(context, hall.url("/halls/city/windows/01/screen"), errors);
    Pages.awaitLive(screen);
    Pages.awaitLive(windowScreen);
    api.window(clerk1, "01", "call-next").expect(200);
    Locator nowCalling = screen.locator("sx-now-calling .sx-call-number");
    assertThat(nowCalling).hasText(new String[] {numbers.get(0)});
    assertThat(windowScreen.locator(".sx-ws-number")).hasText(numbers.get(0));

    hall.stop();
    assertThat(screen.locator("body[data-conn=open]")).hasCount(0);
    assertThat(windowScreen.locator("body[data-conn=open]")).hasCount(0);

    // Calls made before the screens are back: the first call is over, two new ones.
    hall.restart();
    api.window(clerk1, "01", "start").expect(200);
    api.window(clerk1, "01", "finish").expect(200);
    api.window(clerk1, "01", "call-next").expect(200);
    api.window(clerk2, "02", "call-next").expect(200);

    Pages.awaitLive(screen);
    Pages.awaitLive(windowScreen);
    LocatorAssertions.HasTextOptions soon = new LocatorAssertions.HasTextOptions().setTimeout(5000);
    assertThat(nowCalling).hasText(new String[] {numbers.get(2), numbers.get(1)}, soon);
    assertThat(windowScreen.locator(".sx-ws-number")).hasText(numbers.get(1), soon);
    assertThat(screen.locator("sx-now-calling")).not().containsText(numbers.get(0));

    // And the feed keeps flowing after the reconnect.
    api.window(clerk1, "01", "start").expect(200);
    api.window(clerk1, "01", "finish").expect(200);
    api.window(clerk1, "01", "call-next").expect(200);
    assertThat(nowCalling).hasText(new String[] {numbers.get(3), numbers.get(2)}, soon);
    assertThat(windowScreen.locator(".sx-ws-number")).hasText(numbers.get(3), soon);
    assertThat(errors).isEmpty();
  }
}
