package org.yilaoyixiao.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser journeys: one Chromium per test class (skipped, or failed in CI, where none is installed), the
 * running platform's address, and logging in through the real login page.
 */
public abstract class BrowserJourney {

    protected static Chromium chromium;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launchOrSkip();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fills in and submits the login form in a fresh browser profile of the given window size. */
    protected Page logIn(String username, String password, int width, int height) {
        Page page = chromium.newPage(width, height);
        logIn(page, username, password);
        return page;
    }

    protected void logIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.locator("#login-submit").click();
    }

    /**
     * Waits until htmx has processed the page: its script is deferred, so a click right after navigation could reach a
     * button before htmx listens to it.
     */
    protected static void htmxReady(Page page) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
    }

    /**
     * Opens a page through the navigation as a user would: the menu button on a phone, the area's menu, then the
     * entry with this label.
     */
    protected static void openFromNavigation(Page page, String label) {
        com.microsoft.playwright.Locator toggle = page.locator("#nav-toggle");
        if (toggle.isVisible() && !page.locator("#mainNav").isVisible()) {
            toggle.click();
        }
        com.microsoft.playwright.Locator entry = page.locator("#mainNav a.nav-link, #mainNav a.dropdown-item")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(
                        java.util.regex.Pattern.compile("^" + label + "$")));
        Object area = entry.first().evaluate(
                "e => { const menu = e.closest('li.dropdown'); return menu ? menu.querySelector('.dropdown-toggle').dataset.area : null; }");
        if (area != null && !entry.first().isVisible()) {
            page.locator(".dropdown-toggle[data-area=" + area + "]").click();
        }
        entry.first().click();
    }

    /** The administrator, logged in on a desk-sized window. */
    protected Page loggedInAdmin() {
        Page page = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, 1366, 900);
        assertThat(page.locator("#current-user")).isVisible();
        return page;
    }
}
