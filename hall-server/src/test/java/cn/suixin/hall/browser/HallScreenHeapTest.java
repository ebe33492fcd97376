package cn.suixin.hall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.testing.RequiredTool;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hall screen runs all day: its JavaScript heap after 10,000 calls must not be much bigger than
 * after 1,000. Calls are real: tickets issued, called, recalled and marked no-show at seventeen
 * windows through the API, so the page gets every live message a busy hall would send.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HallScreenHeapTest {
  private static final int FIRST = 1_000;
  private static final int TOTAL = 10_000;

  /** Room for what the heap measurement itself varies by (inline caches, compiled code). */
  private static final long MARGIN_BYTES = 2L * 1024 * 1024;

  /** Window -> a matter it serves, so each window always has someone to call. */
  private static final Map<String, String> WINDOWS =
      Map.ofEntries(
          Map.entry("01", "HH-ID-RENEW"),
          Map.entry("02", "HH-ID-RENEW"),
          Map.entry("03", "PO-NO-RECORD"),
          Map.entry("04", "TV-REGISTER"),
          Map.entry("05", "TV-REGISTER"),
          Map.entry("06", "HH-CERT"),
          Map.entry("07", "EE-PASSPORT"),
          Map.entry("08", "EE-PASSPORT"),
          Map.entry("09", "EE-HKMO-PERMIT"),
          Map.entry("10", "EE-FOREIGNER-RESIDENCE"),
          Map.entry("11", "HH-MIGRATE-IN"),
          Map.entry("12", "HH-BIRTH"),
          Map.entry("13", "PO-NO-RECORD"),
          Map.entry("14", "CY-FILING"),
          Map.entry("15", "TV-REGISTER"),
          Map.entry("16", "TV-TRANSFER"),
          Map.entry("17", "TL-RENEW"));

  private static final int MIDDLE = 5_000;

  @TempDir static Path data;
  static ServerFixture hall;
  static Chromium chromium;

  @BeforeAll
  static void start() {
    RequiredTool.CHROMIUM.require();
    hall = ServerFixture.builder(data).withoutTestAccounts().start();
    for (String window : WINDOWS.keySet()) {
      hall.addUser("clerk" + window, Role.CLERK, "C00" + window, "窗口" + window);
    }
    hall.addUser("supervisor", Role.SUPERVISOR, "S0001", "王值班");
    chromium = Chromium.launch("--enable-precise-memory-info");
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

  // A measurement of 10,000 real calls (a minute or two), run on demand like the benchmarks:
  // mvn -B -ntp -pl display-client,hall-server test -Dtest=HallScreenHeapTest -Dsx.heap=true
  //     -Dsurefire.failIfNoSpecifiedTests=false
  @Test
  @EnabledIfSystemProperty(named = "sx.heap", matches = "true")
  void the_hall_screen_heap_stays_bounded_from_1000_to_10000_calls() throws Exception {
    HallApi api = new HallApi(hall.url(""));
    String kiosk = hall.kiosk(ServerFixture.HALL, "browser-test-kiosk");
    String supervisor = api.login("supervisor");
    List<String> errors = new ArrayList<>();
    BrowserContext context = chromium.context(1920, 1080);
    Page screen = Chromium.open(context, hall.url("/halls/city/screen"), errors);
    Pages.awaitLive(screen);
    CDPSession cdp = context.newCDPSession(screen);

    AtomicInteger calls = new AtomicInteger();
    ExecutorService clerks = Executors.newFixedThreadPool(WINDOWS.size());
    try {
      List<Clerk> desks = new ArrayList<>();
      for (var w : WINDOWS.entrySet()) {
        Clerk c =
            new Clerk(api, kiosk, api.login("clerk" + w.getKey()), w.getKey(), w.getValue(), calls);
        api.window(c.token, c.window, "sign-in").expect(200);
        desks.add(c);
      }
      long began = System.nanoTime();
      drive(clerks, desks, FIRST);
      long firstHeap = settledHeap(api, supervisor, screen, cdp, "heap-1");
      int firstCalls = calls.get();
      drive(clerks, desks, MIDDLE);
      long middleHeap = settledHeap(api, supervisor, screen, cdp, "heap-2");
      int middleCalls = calls.get();
      drive(clerks, desks, TOTAL);
      long lastHeap = settledHeap(api, supervisor, screen, cdp, "heap-3");
      double seconds = (System.nanoTime() - began) / 1e9;
      System.out.printf(
          "hall screen heap: %,d bytes after %,d calls, %,d after %,d, %,d after %,d (%.1f s)%n",
          firstHeap, firstCalls, middleHeap, middleCalls, lastHeap, calls.get(), seconds);
      assertThat(calls.get()).isGreaterThanOrEqualTo(TOTAL);
      assertThat(lastHeap).isLessThan(2 * firstHeap + MARGIN_BYTES);
      assertThat(errors).isEmpty();
    } finally {
      clerks.shutdownNow();
    }
  }

  /** Runs every clerk until the hall has made `target` calls. */
  private static void drive(ExecutorService pool, List<Clerk> desks, int target) throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (Clerk c : desks) {
      running.add(pool.submit(() -> c.workUntil(target)));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  /**
   * Waits until the page has applied everything sent so far (a notice goes out after the last call,
   * and events arrive in order), then forces a full GC and reads the used heap.
   */
  private static long settledHeap(
      HallApi api, String supervisor, Page screen, CDPSession cdp, String marker) {
    api.notice(supervisor, marker);
    assertThat(screen.locator("sx-notice-line"))
        .containsText(marker, new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
    screen.waitForTimeout(500);
    for (int i = 0; i < 3; i++) {
      cdp.send("HeapProfiler.collectGarbage");
    }
    return ((Number) screen.evaluate("performance.memory.usedJSHeapSize")).longValue();
  }

  /** One window's clerk: call, recall twice, mark no-show; a kiosk ticket when nobody waits. */
  private record Clerk(
      HallApi api, String kiosk, String token, String window, String matter, AtomicInteger calls) {
    void workUntil(int target) {
      while (calls.get() < target) {
        if (api.window(token, window, "call-next").status() != 200) {
          api.issue(kiosk, matter);
          api.issue(kiosk, matter);
          continue;
        }
        calls.incrementAndGet();
        for (int i = 0; i < 2; i++) {
          if (api.window(token, window, "recall").status() == 200) {
            calls.incrementAndGet();
          }
        }
        api.window(token, window, "no-show").expect(200);
      }
    }
  }
}
