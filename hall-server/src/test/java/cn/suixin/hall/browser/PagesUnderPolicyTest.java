package cn.suixin.hall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.testing.RequiredTool;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page works under the server's Content-Security-Policy: nothing it loads, runs or connects
 * to is refused, including the live WebSocket, the voice clips the hall screen plays and the QR
 * code the kiosk draws. A refusal shows as a securitypolicyviolation event or a console message.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PagesUnderPolicyTest {
  /** Records every violation the page reports, from before its first script runs. */
  private static final String VIOLATION_SPY =
      """
      window.sxViolations = [];
      document.addEventListener('securitypolicyviolation',
        (e) => window.sxViolations.push(e.effectiveDirective + ' ' + e.blockedURI));
      """;

  @TempDir static Path data;
  static ServerFixture hall;
  static Chromium chromium;
  static String kioskToken;
  private final List<String> errors = new ArrayList<>();
  private final List<String> refusals = new ArrayList<>();
  private final List<Page> pages = new ArrayList<>();

  @BeforeAll
  static void start() {
    RequiredTool.CHROMIUM.require();
    hall = ServerFixture.builder(data).withoutTestAccounts().start();
    hall.addUser("clerk5", Role.CLERK, "C0005", "王芳");
    hall.addUser("guide", Role.GUIDE, "G0001", "李导办");
    hall.addUser("supervisor", Role.SUPERVISOR, "S0001", "王值班");
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

  @BeforeEach
  void clear() {
    errors.clear();
    refusals.clear();
  }

  @AfterEach
  void noRefusals() {
    for (Page page : pages) {
      refusals.addAll(
          new JsonArray(page.evaluate("JSON.stringify(window.sxViolations)").toString())
              .stream().map(v -> page.url() + ": " + v).toList());
    }
    pages.clear();
    assertThat(refusals).as("CSP and permission refusals").isEmpty();
    assertThat(errors).as("script errors").isEmpty();
  }

  private BrowserContext context(int width, int height) {
    BrowserContext context = chromium.context(width, height);
    context.addInitScript(VIOLATION_SPY);
    context.onConsoleMessage(
        m -> {
          String text = m.text();
          if (text.contains("Content Security Policy")
              || text.contains("Refused to")
              || text.contains("Permissions policy")
              || text.contains("Permissions-Policy")) {
            refusals.add(m.location() + ": " + text);
          }
        });
    context.onPage(pages::add);
    return context;
  }

  @Test
  void the_hall_screen_connects_live_and_plays_a_call_from_its_voice_clips() {
    Page screen = Chromium.open(context(1920, 1080), hall.url("/halls/city/screen"), errors);
    Pages.awaitLive(screen);
    HallApi api = new HallApi(hall.url(""));
    String clerk = api.login("clerk5");
    api.window(clerk, "05", "sign-in").expect(200);
    String number = api.issue(kioskToken, "HH-CERT").getString("number");
    api.window(clerk, "05", "call-next").expect(200);
    assertThat(screen.locator("sx-now-calling .sx-call.sx-newest .sx-call-number")).hasText(number);
    // the clips are fetched and decoded through Web Audio under connect-src 'self'
    screen.waitForFunction("() => window.sxVoiceQueue.played.includes('chime')");
    assertThat(screen.evaluate("window.sxVoiceQueue.errors.length")).isEqualTo(0);
    Page windowScreen =
        Chromium.open(context(1920, 1080), hall.url("/halls/city/windows/05/screen"), errors);
    Pages.awaitLive(windowScreen);
  }

  @Test
  void the_kiosk_is_enrolled_issues_a_ticket_and_draws_its_qr_code_and_the_phone_follows_it() {
    Page notEnrolled = Chromium.open(context(1080, 1920), hall.url("/halls/city/kiosk"), errors);
    assertThat(notEnrolled.locator("#not-enrolled")).isVisible();
    Page kiosk = Pages.enrolKiosk(context(1080, 1920), hall, kioskToken, errors);
    Pages.awaitLive(kiosk);
    if (kiosk.locator("sx-matter-picker button[data-category='HOUSEHOLD_ID']").count() > 0) {
      kiosk.locator("sx-matter-picker button[data-category='HOUSEHOLD_ID']").click();
    }
    kiosk.locator("sx-matter-picker button[data-matter='HH-ID-RENEW'][data-channel='']").click();
    kiosk.locator("#take").click();
    assertThat(kiosk.locator("sx-ticket-slip sx-qr-code svg path")).hasCount(1);
    String link = kiosk.locator("sx-ticket-slip sx-qr-code svg").getAttribute("aria-label");
    assertThat(link).contains("/t/city/", "?k=");
    Page phone = Chromium.open(context(390, 844), link, errors);
    assertThat(phone.locator("#status")).hasText("等候中");
  }

  @Test
  void the_staff_consoles_log_in_and_go_live() {
    for (String[] console :
        new String[][] {{"clerk", "clerk5"}, {"desk", "guide"}, {"supervisor", "supervisor"}}) {
      Page page = Chromium.open(context(1366, 768), hall.url("/halls/city/" + console[0]), errors);
      Pages.logIn(page, console[1]);
      Pages.awaitLive(page);
    }
  }

  @Test
  void the_city_view_loads_every_hall() {
    Page city = Chromium.open(context(1920, 1080), hall.url("/city"), errors);
    city.locator("#halls li").first().waitFor();
    assertThat(city.locator("#error")).isHidden();
  }

  /** A plain context: the refusal is the point here, not a fault of a page. */
  @Test
  void a_page_cannot_be_framed_by_another_page() {
    Page host = Chromium.open(chromium.context(800, 600), hall.url("/city"), errors);
    host.locator("#halls li").first().waitFor();
    // even a page of the same origin may not frame a console: frame-ancestors 'none'
    Object loaded =
        host.evaluate(
            """
        () => new Promise((resolve) => {
          const frame = document.createElement('iframe');
          frame.src = '/halls/city/supervisor';
          frame.onload = () => { try { resolve(frame.contentDocument?.title ?? 'no access'); }
            catch (e) { resolve('blocked'); } };
          document.body.append(frame);
        })""");
    assertThat(String.valueOf(loaded)).doesNotContain("值班长");
  }
}
