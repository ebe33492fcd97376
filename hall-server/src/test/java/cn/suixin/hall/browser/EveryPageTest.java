package cn.suixin.hall.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.testing.RequiredTool;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Every page of the display client in Chromium against a real hall server (a fresh one per test,
 * the shipped configuration in demo hours), rendering what that server sends without a script
 * error. These were Node tests against a scripted stand-in hall; its matter codes, windows and rule
 * texts were its own, so the data here is the city hall's as configured.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EveryPageTest {
  private static final String CONNECTED =
      "document.querySelector('sx-connection-state')?.dataset.state === 'open'";
  private static final String HALL_NAME = "遂宁市公安政务服务中心";

  static Chromium chromium;
  @TempDir Path data;
  private ServerFixture hall;
  private HallApi api;
  private final List<String> errors = new ArrayList<>();

  @BeforeAll
  static void launch() {
    RequiredTool.CHROMIUM.require();
    chromium = Chromium.launch();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void start() {
    hall = ServerFixture.builder(data).withoutTestAccounts().start();
    api = new HallApi(hall.url(""));
  }

  @AfterEach
  void stop() {
    hall.close();
  }

  @Test
  void the_hall_screen_shows_live_calls_queues_them_for_the_voice_and_switches_to_english() {
    Page page = open("/halls/city/screen?lang=zh", 1920, 1080);
    waitFor(page, CONNECTED);
    waitFor(page, "document.querySelector('#hall-name').textContent === '" + HALL_NAME + "'");
    String number = call("03", "HH-ID-RENEW");
    waitFor(
        page,
        "document.querySelector('sx-now-calling .sx-newest .sx-call-number')?.textContent === '"
            + number
            + "'");
    int matters = api.snapshot().getJsonArray("matters").size();
    waitFor(page, "document.querySelectorAll('sx-matter-waits li').length === " + matters);
    waitFor(
        page,
        "globalThis.sxVoiceQueue && (globalThis.sxVoiceQueue.played.includes('qing')"
            + " || globalThis.sxVoiceQueue.pendingClips().includes('qing'))");
    page.evaluate("document.querySelector('sx-lang-switch button').click()");
    waitFor(
        page,
        "document.querySelector('#now h2').textContent === 'Now calling' && document.documentElement.lang === 'en'");
    assertThat(errors).isEmpty();
  }

  @Test
  void the_window_screen_shows_its_window_and_the_masked_clerk() {
    hall.addUser("clerk6", Role.CLERK, "C0006", "张晓明");
    String clerk = api.login("clerk6");
    api.window(clerk, "06", "sign-in").expect(200);
    api.window(clerk, "06", "pause", new JsonObject().put("reason", "系统维护")).expect(200);
    Page page = open("/halls/city/windows/06/screen?lang=zh", 1280, 800);
    waitFor(page, "document.querySelector('.sx-ws-name')?.textContent.includes('6号窗口')");
    waitFor(page, "document.querySelector('.sx-ws-paused')?.textContent === '暂停服务'");
    assertThat(page.evaluate("document.querySelector('.sx-ws-clerk').textContent").toString())
        .containsPattern("张\\*");
    assertThat(page.evaluate("document.querySelector('.sx-ws-clerk').textContent").toString())
        .doesNotContain("晓明");
    assertThat(errors).isEmpty();
  }

  @Test
  void a_kiosk_that_is_not_enrolled_says_so_and_how_to_enrol_it() {
    Page page = open("/halls/city/kiosk?lang=zh", 1080, 1920);
    waitFor(page, "!document.querySelector('#not-enrolled').hidden");
    assertThat(page.evaluate("document.querySelector('#not-enrolled h2').textContent"))
        .isEqualTo("未登记的取号机");
    assertThat(page.evaluate("document.querySelector('#enrol-link').textContent").toString())
        .containsPattern("/halls/city/kiosk/enrol$");
    assertThat(page.evaluate("document.querySelector('#choose').hidden")).isEqualTo(true);
    assertThat(errors).filteredOn(e -> !e.contains("status of 401")).isEmpty();
  }

  @Test
  void the_kiosk_is_enrolled_once_then_issues_a_ticket_and_shows_its_qr_code() {
    String token = hall.kiosk(ServerFixture.HALL, "browser-test-kiosk");
    Page page = open("/halls/city/kiosk/enrol?lang=zh", 1080, 1920);
    waitFor(page, "document.querySelector('#current').textContent.includes('尚未登记')");
    page.locator("#enrol input[name=token]").fill(token);
    page.locator("#enrol button").first().click();
    waitFor(page, "location.pathname === '/halls/city/kiosk' && location.search === ''");
    waitFor(page, "document.querySelectorAll('button.sx-matter').length > 0");
    assertThat(page.evaluate("document.querySelector('#not-enrolled').hidden")).isEqualTo(true);
    assertThat(page.evaluate("document.cookie"))
        .as("the device cookie is out of reach of scripts")
        .isEqualTo("");
    // a hall with many matters shows them by category, one tab at a time
    if (page.locator("sx-matter-picker button[data-category='EXIT_ENTRY']").count() > 0) {
      page.locator("sx-matter-picker button[data-category='EXIT_ENTRY']").click();
    }
    page.locator("button.sx-matter[data-matter='EE-PASSPORT'][data-channel='']").click();
    waitFor(page, "!document.querySelector('#confirm').hidden");
    Response issued =
        page.waitForResponse(
            r ->
                r.url().endsWith("/api/v1/halls/city/tickets")
                    && "POST".equals(r.request().method()),
            () -> page.locator("#take").click());
    assertThat(issued.status()).isEqualTo(201);
    String number = new JsonObject(issued.text()).getString("number");
    waitFor(page, "document.querySelector('sx-ticket-slip sx-qr-code svg path')");
    assertThat(page.evaluate("document.querySelector('.sx-slip-number').textContent"))
        .isEqualTo(number);
    assertThat(page.evaluate("localStorage.getItem('sx.deviceToken')")).isNull();
    assertThat(errors).filteredOn(e -> !e.contains("status of 401")).isEmpty();
  }

  @Test
  void the_clerk_console_serves_a_ticket_call_key_s_to_start_finish_with_materials_to_follow() {
    hall.addUser("clerk3", Role.CLERK, "C0003", "刘建国");
    String clerk = api.login("clerk3");
    api.window(clerk, "03", "sign-in").expect(200);
    for (int i = 0; i < 3; i++) {
      api.issue(hall.kiosk(ServerFixture.HALL, "kiosk-" + i), "HH-ID-RENEW");
    }
    // one ticket put aside at the window, two still waiting for it
    api.window(clerk, "03", "call-next").expect(200);
    api.window(clerk, "03", "park").expect(200);
    Page page = open("/halls/city/clerk?window=03&lang=zh", 1280, 800);
    Pages.logIn(page, "clerk3");
    waitFor(page, CONNECTED);
    waitFor(
        page,
        "document.querySelectorAll('#waiting tr').length === 2 && document.querySelectorAll('#parked li').length === 1");
    assertThat(page.evaluate("document.querySelector('sx-login-form').hidden")).isEqualTo(true);
    waitFor(page, enabled("call-next"));
    page.evaluate("document.querySelector('#buttons button[data-action=\"call-next\"]').click()");
    // the engine says which rule picked the ticket: the weighted wait, for a plain queue
    waitFor(page, "document.querySelector('#rule').textContent.includes('按权重与等待时长')");
    waitFor(page, enabled("start"));
    page.evaluate(
        "document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }))");
    waitFor(page, enabled("finish"));
    page.evaluate("document.querySelector('#buttons button[data-action=\"finish\"]').click()");
    waitFor(page, "document.querySelector('#finish-dialog').open");
    // 容缺受理 without a due date is refused and the dialog stays open with the problem shown.
    page.evaluate(
        """
        (() => {
          const f = document.querySelector('#finish-dialog form');
          f.outcome.value = 'PENDING_MATERIALS';
          f.outcome.dispatchEvent(new Event('change'));
          f.missingMaterials.value = '户口簿复印件，照片';
          f.querySelector('button[value=ok]').click();
        })()""");
    waitFor(
        page,
        "!document.querySelector('#finish-dialog .sx-error').hidden && document.querySelector('#finish-dialog').open");
    String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString();
    page.evaluate(
        """
        (() => {
          const f = document.querySelector('#finish-dialog form');
          f.outcome.value = 'PENDING_MATERIALS';
          f.outcome.dispatchEvent(new Event('change'));
          f.missingMaterials.value = '户口簿复印件，照片';
          f.dueDate.value = '%s';
          f.querySelector('button[value=ok]').click();
        })()"""
            .formatted(due));
    waitFor(page, "document.querySelector('#message.sx-ok')?.textContent.includes('办结')");
    waitFor(page, enabled("call-next"));
    assertThat(errors).isEmpty();
  }

  @Test
  void the_help_desk_finds_a_ticket_by_number() {
    hall.addUser("guide", Role.GUIDE, "G0001", "李导办");
    String number =
        api.issue(hall.kiosk(ServerFixture.HALL, "kiosk"), "EE-PASSPORT").getString("number");
    int matters = api.snapshot().getJsonArray("matters").size();
    Page page = open("/halls/city/desk", 1280, 800);
    Pages.logIn(page, "guide");
    waitFor(page, "document.querySelectorAll('#waits tr').length === " + matters);
    page.evaluate(
        "(() => { const f = document.querySelector('#find'); f.number.value = '"
            + number.toLowerCase()
            + "'; f.requestSubmit(); })()");
    waitFor(page, "document.querySelector('#found')?.textContent.includes('" + number + "')");
    assertThat(errors).isEmpty();
  }

  @Test
  void the_supervisor_board_lists_windows_and_queues() {
    hall.addUser("supervisor", Role.SUPERVISOR, "S0001", "王值班");
    JsonObject snapshot = api.snapshot();
    Page page = open("/halls/city/supervisor", 1280, 800);
    Pages.logIn(page, "supervisor");
    waitFor(
        page,
        "document.querySelectorAll('#windows tr').length === "
            + snapshot.getJsonArray("windows").size());
    waitFor(
        page,
        "document.querySelectorAll('#queues tr').length === "
            + snapshot.getJsonArray("matters").size());
    assertThat(errors).isEmpty();
  }

  @Test
  void the_staff_pages_ask_for_a_login_first() {
    Page page = open("/halls/city/clerk", 1280, 800);
    waitFor(page, "document.querySelector('sx-login-form form')");
    assertThat(page.evaluate("document.querySelector('#app').hidden")).isEqualTo(true);
    assertThat(errors).isEmpty();
  }

  @Test
  void the_phone_page_shows_the_ticket_and_the_near_notice() {
    JsonObject ticket = api.issue(hall.kiosk(ServerFixture.HALL, "kiosk"), "EE-PASSPORT");
    Page page = open(ticket.getString("followUrl"), 390, 844);
    waitFor(
        page,
        "document.querySelector('#number').textContent === '" + ticket.getString("number") + "'");
    waitFor(page, "!document.querySelector('#near').hidden");
    assertThat(errors).isEmpty();
  }

  @Test
  void the_phone_page_without_the_link_secret_says_the_ticket_is_not_found() {
    JsonObject ticket = api.issue(hall.kiosk(ServerFixture.HALL, "kiosk"), "EE-PASSPORT");
    Page page = open("/t/city/" + ticket.getString("id") + "?lang=zh", 390, 844);
    waitFor(page, "!document.querySelector('#error').hidden");
    assertThat(page.evaluate("document.querySelector('#number').textContent")).isEqualTo("—");
    assertThat(page.evaluate("document.querySelector('#error').textContent").toString())
        .contains("未找到该号码");
    // the browser logs the 404 itself; nothing else may go wrong
    assertThat(errors).filteredOn(e -> !e.contains("status of 404")).isEmpty();
  }

  @Test
  void the_city_view_lists_halls_with_a_suggestion() {
    int halls = api.get("/api/v1/halls").getJsonArray("halls").size();
    Page page = open("/city", 1280, 800);
    waitFor(
        page,
        "document.querySelectorAll('#halls li').length === "
            + halls
            + " && !document.querySelector('#suggestion').hidden");
    waitFor(page, CONNECTED);
    assertThat(halls).as("every hall of the shipped configuration").isGreaterThan(1);
    assertThat(errors).isEmpty();
  }

  /**
   * Signs a new clerk in at the window, issues a ticket of the matter and calls it there; returns
   * its number.
   */
  private String call(String window, String matter) {
    hall.addUser("clerk" + window, Role.CLERK, "C00" + window, "刘建国");
    String clerk = api.login("clerk" + window);
    api.window(clerk, window, "sign-in").expect(200);
    String number =
        api.issue(hall.kiosk(ServerFixture.HALL, "kiosk-" + window), matter).getString("number");
    api.window(clerk, window, "call-next").expect(200);
    return number;
  }

  private static String enabled(String action) {
    return "!document.querySelector('#buttons button[data-action=\"" + action + "\"]').disabled";
  }

  /**
   * A page in a fresh context that records script errors and console errors, as the Node test did.
   */
  private Page open(String path, int width, int height) {
    BrowserContext context = chromium.context(width, height);
    Page page = context.newPage();
    page.onPageError(e -> errors.add(path + ": " + e));
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type())) {
            errors.add(m.text() + " " + m.location());
          }
        });
    page.navigate(hall.url(path));
    return page;
  }

  private static void waitFor(Page page, String expression) {
    page.waitForFunction("() => (" + expression + ")");
  }
}
