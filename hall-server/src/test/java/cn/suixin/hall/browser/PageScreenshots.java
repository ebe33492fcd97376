package cn.suixin.hall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.testing.RequiredTool;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots of every page at the size it is shown on, with a busy morning's data, written to
 * docs/screens/. Not part of the normal build; see docs/screens/README.md for the command.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@EnabledIfSystemProperty(named = "sx.screens", matches = "true")
class PageScreenshots {
  private static final Path OUT = Path.of("..", "docs", "screens");

  /** Matters people queue for, most common first, as a morning at the city hall looks. */
  private static final String[] MATTERS = {
    "HH-ID-RENEW",
    "EE-PASSPORT",
    "HH-ID-RENEW",
    "TV-TRANSFER",
    "EE-HKMO-PERMIT",
    "HH-CERT",
    "PO-NO-RECORD",
    "TL-RENEW",
    "HH-BIRTH",
    "EE-PASSPORT-RENEW",
    "TV-REGISTER",
    "HH-ID-REISSUE",
    "CY-FILING",
    "HH-MIGRATE-IN",
    "EE-FOREIGNER-RESIDENCE"
  };

  /** Windows with a clerk and what happens there: called, serving, paused. */
  private static final String[] CALLING = {"01", "03", "07", "11"};

  private static final String[] SERVING = {"02", "04", "08", "09", "12", "15", "17"};
  private static final String PAUSED = "05";

  @TempDir static Path data;
  static ServerFixture hall;
  static Chromium chromium;
  static String kiosk;

  /** The phone links (with their secrets) of the tickets the phone pages show. */
  static String waitingLink;

  static String calledLink;

  @BeforeAll
  static void start() throws Exception {
    RequiredTool.CHROMIUM.require();
    Files.createDirectories(OUT);
    hall = ServerFixture.builder(data).withoutTestAccounts().start();
    chromium = Chromium.launch();
    HallApi api = new HallApi(hall.url(""));
    kiosk = hall.kiosk(ServerFixture.HALL, "browser-test-kiosk");
    String[] names = {
      "张晓明", "陈思雨", "刘建国", "王芳", "李娜", "赵磊", "孙丽", "周杰", "吴敏", "郑强", "冯婷", "何伟", "许静", "邓超", "曹雪",
      "彭涛", "吕洋"
    };
    List<String> windows = new ArrayList<>(List.of(CALLING));
    windows.addAll(List.of(SERVING));
    windows.add(PAUSED);
    windows.add("06");
    for (int i = 0; i < windows.size(); i++) {
      hall.addUser("clerk" + windows.get(i), Role.CLERK, "C0" + (101 + i), names[i % names.length]);
    }
    hall.addUser("supervisor", Role.SUPERVISOR, "S0001", "王值班");
    hall.addUser("guide", Role.GUIDE, "G0001", "李导办");

    Map<String, String> links = new HashMap<>();
    for (int i = 0; i < 90; i++) {
      JsonObject t = api.issue(kiosk, MATTERS[i % MATTERS.length]);
      links.put(t.getString("id"), t.getString("followUrl"));
    }
    for (String sub : List.of("chuanshan", "anju", "shehong", "pengxi")) {
      String token = hall.kiosk(sub, "browser-test-kiosk");
      for (int i = 0; i < 12; i++) {
        api.post(
            "/api/v1/halls/" + sub + "/tickets",
            token,
            new JsonObject().put("matter", MATTERS[i % 3]));
      }
    }
    // Earlier calls, finished, so the recent-calls list has history.
    for (String w : windows) {
      String token = api.login("clerk" + w);
      api.window(token, w, "sign-in").expect(200);
      for (int round = 0; round < 2; round++) {
        if (api.window(token, w, "call-next").status() == 200) {
          api.window(token, w, "start").expect(200);
          api.window(token, w, "finish").expect(200);
        }
      }
      if (List.of(SERVING).contains(w) && api.window(token, w, "call-next").status() == 200) {
        api.window(token, w, "start").expect(200);
      } else if (w.equals(PAUSED)) {
        api.window(token, w, "pause", new JsonObject().put("reason", "临时离岗")).expect(200);
      }
    }
    api.notice(
        api.login("supervisor"),
        "今日出入境业务办理至 17:30，请提前取号。Exit-entry services close at 17:30 today.");
    JsonObject waiting = api.issue(kiosk, "HH-ID-RENEW");
    waitingLink = waiting.getString("followUrl");
    // Calls that show as "now calling", the last one just before the screens are shot.
    for (String w : CALLING) {
      JsonObject called = api.window(api.login("clerk" + w), w, "call-next").expect(200).body();
      if (w.equals("03")) {
        calledLink = links.get(called.getJsonObject("ticket").getString("id"));
      }
    }
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
  void every_page_is_shot_at_its_real_size() {
    List<String> errors = new ArrayList<>();
    printSizes(
        shoot(chromium.context(1920, 1080), "/halls/city/screen", "screen-landscape", errors),
        SCREEN_TEXT);
    printSizes(
        shoot(chromium.context(1080, 1920), "/halls/city/screen", "screen-portrait", errors),
        SCREEN_TEXT);
    printSizes(
        shoot(
            chromium.context(1920, 1080), "/halls/city/windows/03/screen", "window-screen", errors),
        new String[] {".sx-ws-number"});
    shoot(
        chromium.context(1920, 1080),
        "/halls/city/windows/05/screen",
        "window-screen-paused",
        errors);

    Page notEnrolled =
        Chromium.open(chromium.context(1080, 1920), hall.url("/halls/city/kiosk"), errors);
    assertThat(notEnrolled.locator("#not-enrolled")).isVisible();
    settle(notEnrolled);
    save(notEnrolled, "kiosk-not-enrolled");
    BrowserContext kioskPc = chromium.context(1080, 1920);
    Page enrol = Chromium.open(kioskPc, hall.url("/halls/city/kiosk/enrol"), errors);
    assertThat(enrol.locator("#current")).containsText("尚未登记");
    save(enrol, "kiosk-enrol");
    enrol.close();
    Page kioskPage = Pages.enrolKiosk(kioskPc, hall, kiosk, errors);
    settle(kioskPage);
    save(kioskPage, "kiosk");
    if (kioskPage.locator("sx-matter-picker button[data-category='EXIT_ENTRY']").count() > 0) {
      kioskPage.locator("sx-matter-picker button[data-category='EXIT_ENTRY']").click();
    }
    kioskPage
        .locator("sx-matter-picker button[data-matter='EE-PASSPORT'][data-channel='']")
        .click();
    kioskPage.locator("#take").click();
    assertThat(kioskPage.locator("sx-ticket-slip .sx-slip-number")).isVisible();
    save(kioskPage, "kiosk-ticket");

    Page clerk =
        staff(chromium.context(1366, 768), "/halls/city/clerk?window=03", "clerk03", errors);
    save(clerk, "clerk");
    save(staff(chromium.context(1366, 768), "/halls/city/desk", "guide", errors), "desk");
    save(
        staff(chromium.context(1920, 1080), "/halls/city/supervisor", "supervisor", errors),
        "supervisor");

    shoot(chromium.phone(), waitingLink, "phone-waiting", errors);
    shoot(chromium.phone(), calledLink, "phone-called", errors);
    shoot(chromium.context(1920, 1080), "/city", "city", errors);
    assertThat(errors).isEmpty();
  }

  /** The numbers a person reads from across the hall, largest first. */
  private static final String[] SCREEN_TEXT = {
    ".sx-call.sx-newest .sx-call-number",
    ".sx-call:not(.sx-newest) .sx-call-number",
    ".sx-recent-numbers span",
    ".sx-matter-waits, sx-matter-waits"
  };

  /**
   * Prints the font size of the first element matching each selector, to judge reading distance.
   */
  private static void printSizes(Page page, String[] selectors) {
    for (String selector : selectors) {
      Object px =
          page.evaluate(
              "(s) => { const e = document.querySelector(s);"
                  + " return e ? getComputedStyle(e).fontSize : 'none'; }",
              selector);
      System.out.println(
          page.url()
              + " "
              + page.viewportSize().width
              + "x"
              + page.viewportSize().height
              + " font-size of "
              + selector
              + ": "
              + px);
    }
  }

  private static Page shoot(BrowserContext context, String path, String name, List<String> errors) {
    Page page = Chromium.open(context, hall.url(path), errors);
    settle(page);
    save(page, name);
    return page;
  }

  private static Page staff(
      BrowserContext context, String path, String username, List<String> errors) {
    Page page = Chromium.open(context, hall.url(path), errors);
    Pages.logIn(page, username);
    settle(page);
    return page;
  }

  /** Live feed open (where the page has one), fonts loaded, layout done. */
  private static void settle(Page page) {
    page.waitForFunction(
        "() => document.body.dataset.conn === 'open' || !document.querySelector('sx-connection-state')"
            + " || document.querySelector('sx-connection-state').getAttribute('state') === 'open'");
    page.evaluate("document.fonts.ready.then(() => true)");
    page.waitForTimeout(700);
  }

  /**
   * A still should show what a person sees once things settle: blinks and pulses that run a few
   * times are played to their end, and the notice ticker is stopped with its text in view.
   */
  private static final String FREEZE_ANIMATIONS =
      """
      () => {
        for (const a of document.getAnimations()) {
          if (a.animationName === 'sx-scroll') {
            const span = a.effect.target;
            const track = span.parentElement.clientWidth;
            a.currentTime = (a.effect.getTiming().duration * track * 0.97) / span.offsetWidth;
            a.pause();
          } else if (Number.isFinite(a.effect.getTiming().iterations)) {
            a.finish();
          } else {
            a.cancel();
          }
        }
      }
      """;

  private static void save(Page page, String name) {
    page.evaluate(FREEZE_ANIMATIONS);
    Path file = OUT.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file));
    System.out.println("wrote " + file.normalize());
  }
}
