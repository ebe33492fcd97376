package cn.suixin.hall.browser;

import cn.suixin.hall.testing.RequiredTool;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system Chromium driven by Playwright (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD
 * is set for Surefire in the pom). Every launch gets a fresh temporary profile.
 */
final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE = RequiredTool.CHROMIUM.executable();

  /** Flags a hall's screens run with; the sandbox is off because CI runs as root. */
  private static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--no-first-run",
          "--autoplay-policy=no-user-gesture-required");

  /**
   * Records the calls the page hands to its voice queue (window.sxVoiceQueue), clip names only, the
   * last 20, so tests can check what would be said without audio.
   */
  static final String VOICE_SPY =
      """
      (() => {
        window.sxSpokenCalls = [];
        let queue;
        Object.defineProperty(window, 'sxVoiceQueue', {
          configurable: true,
          get() { return queue; },
          set(q) {
            queue = q;
            const enqueue = q.enqueue.bind(q);
            q.enqueue = (steps, label) => {
              window.sxSpokenCalls.push({ label, clips: steps.filter((s) => typeof s === 'string') });
              // Bounded like the queue itself, so the heap test measures the page, not the spy.
              if (window.sxSpokenCalls.length > 20) window.sxSpokenCalls.shift();
              return enqueue(steps, label);
            };
          }
        });
      })();
      """;

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Launches Chromium; where it is missing the calling tests are skipped, or under {@code CI=true}
   * fail ({@link RequiredTool#require()}).
   */
  static Chromium launch(String... extraArgs) {
    RequiredTool.CHROMIUM.require();
    List<String> args = new ArrayList<>(ARGS);
    args.addAll(List.of(extraArgs));
    Playwright playwright = Playwright.create();
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(EXECUTABLE)
                      .setHeadless(true)
                      .setArgs(args));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A new browser context (own storage) with a Chinese locale and the hall's time zone. */
  BrowserContext context(int width, int height) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
    context.addInitScript(VOICE_SPY);
    return context;
  }

  /** A phone-sized context with touch, as a citizen scanning the slip's QR code would have. */
  BrowserContext phone() {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setDeviceScaleFactor(1)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
    context.addInitScript(VOICE_SPY);
    return context;
  }

  /** A page that collects its script errors, so a test can fail on them. */
  static Page open(BrowserContext context, String url, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(e -> errors.add(url + ": " + e));
    page.navigate(url);
    return page;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
