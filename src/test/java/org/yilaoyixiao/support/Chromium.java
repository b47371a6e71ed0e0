package org.yilaoyixiao.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives the machine's own Chromium (Debian's {@code chromium}) through Playwright; Playwright never downloads a
 * browser. Where no Chromium is installed the journeys are skipped with a message, unless
 * {@code YLY_BROWSER_TESTS_REQUIRED=true} (set by {@code .ci/run}) makes that a failure.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Path executable) {
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
    }

    /** Starts Chromium, or skips (fails in CI) when it is not installed. */
    public static Chromium launchOrSkip() {
        String configured = System.getenv("YLY_CHROMIUM");
        Path executable = Paths.get(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        String message = "No Chromium at " + executable + ": browser journeys skipped. Install Debian's chromium and "
                + "fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk), as .ci/run does.";
        if (!Files.isExecutable(executable)) {
            if ("true".equalsIgnoreCase(System.getenv("YLY_BROWSER_TESTS_REQUIRED"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return new Chromium(executable);
    }

    /** A fresh browser profile (no cookies) with a phone-or-desk sized window, speaking Chinese. */
    public Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setViewportSize(width, height));
        return context.newPage();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
