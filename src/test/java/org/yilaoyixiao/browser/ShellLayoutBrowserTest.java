package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The shell as each role sees it on the screens they work at: the office's 1366×768, a 1024×768 tablet and a
 * 390×844 phone. The navigation is one line (or one menu button on the phone), 退出登录 stays in reach, nothing
 * scrolls sideways, each role lands on its own page; every page of the administrator's navigation fits 1366 px.
 * Screenshots of every landing page and list go to target/screenshots/shell-*.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellLayoutBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    private final Map<String, String> accounts = new LinkedHashMap<>();

    @BeforeAll
    void accounts() throws Exception {
        accounts.put("county-admin", PlatformTest.ADMIN);
        accounts.put("bureau-clerk", Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY));
        accounts.put("township-clerk", Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG));
        accounts.put("butler", Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG));
        accounts.put("operator", Accounts.create(mvc, "INSTITUTION_OPERATOR", PlatformTest.HECHENG));
        accounts.put("auditor", Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY));
        accounts.put("leader", Accounts.create(mvc, "LEADER", PlatformTest.COUNTY));
    }

    private String password(String username) {
        return username.equals(PlatformTest.ADMIN) ? PlatformTest.ADMIN_PASSWORD : Accounts.PASSWORD;
    }

    @Test
    void everyRoleGetsOneLineOfNavigationAtTheOfficeAndOnATablet() {
        for (int width : new int[]{1366, 1024}) {
            for (Map.Entry<String, String> account : accounts.entrySet()) {
                Page page = logIn(account.getValue(), password(account.getValue()), width, 768);
                htmxReady(page);
                assertOneLineNavigation(page, account.getKey() + " at " + width);
                assertNoSidewaysScroll(page, account.getKey() + " landing at " + width);
                assertThat(page.locator("#logout")).isVisible();
                assertThat(page.locator("#nav-toggle")).isHidden();
                Chromium.screenshot(page, "shell-" + account.getKey() + "-" + width);
                page.context().close();
            }
        }
    }

    @Test
    void eachRoleLandsOnItsOwnPage() {
        Map<String, String> landing = Map.of("county-admin", "我的待办", "bureau-clerk", "我的待办",
                "township-clerk", "我的待办", "operator", "我的待办", "auditor", "我的待办", "butler", "今日任务");
        for (Map.Entry<String, String> expected : landing.entrySet()) {
            String username = accounts.get(expected.getKey());
            Page page = logIn(username, password(username), 1366, 768);
            assertThat(page.locator("#inbox-title")).hasText(expected.getValue());
            page.context().close();
        }
        Page leader = logIn(accounts.get("leader"), Accounts.PASSWORD, 1366, 768);
        assertThat(leader.locator("#indicator-dashboard")).isVisible();
        leader.context().close();
    }

    @Test
    void onAPhoneTheNavigationIsOneMenuButtonAndTheButlerLandsOnTodaysTasks() {
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            Page page = logIn(account.getValue(), password(account.getValue()), 390, 844);
            htmxReady(page);
            assertThat(page.locator("#nav-toggle")).isVisible();
            assertThat(page.locator("#nav-areas")).isHidden();
            assertNoSidewaysScroll(page, account.getKey() + " on a phone");
            Chromium.screenshot(page, "shell-" + account.getKey() + "-phone");
            page.locator("#nav-toggle").click();
            assertThat(page.locator("#logout")).isVisible();
            assertNoSidewaysScroll(page, account.getKey() + " on a phone, menu open");
            Chromium.screenshot(page, "shell-" + account.getKey() + "-phone-menu");
            page.context().close();
        }
        // a butler's menu is the five things of their day, not the county's pages
        Page butler = logIn(accounts.get("butler"), Accounts.PASSWORD, 390, 844);
        assertThat(butler.locator("#inbox-title")).hasText("今日任务");
        butler.locator("#nav-toggle").click();
        List<String> entries = butler.locator("#nav-areas a.nav-link").allTextContents();
        assertThat(entries).containsExactly("今日任务", "消息", "我的工单", "探访任务", "告警看板");
        butler.context().close();
    }

    @Test
    void everyPageOfTheAdministratorsNavigationFitsTheOfficeScreen() {
        for (int width : new int[]{1366, 1024}) {
            Page page = loggedInAdmin();
            page.setViewportSize(width, 768);
            List<String> paths = new ArrayList<>();
            for (Object href : (List<?>) page.locator("#nav-areas a[href]:not([href='#'])")
                    .evaluateAll("links => links.map(a => a.getAttribute('href'))")) {
                paths.add(href.toString());
            }
            assertThat(paths).hasSizeGreaterThan(25);
            for (String path : paths) {
                if (path.startsWith("/swagger")) {
                    continue;
                }
                page.navigate(url(path));
                htmxReady(page);
                assertOneLineNavigation(page, path + " at " + width);
                assertNoSidewaysScroll(page, path + " at " + width);
                if (width == 1366) {
                    Chromium.screenshot(page, "shell-page" + path.replaceAll("[^a-z0-9]+", "-"));
                }
            }
            page.context().close();
        }
        // English is longer: the bar still fits one line on a tablet
        Page english = loggedInAdmin();
        english.setViewportSize(1024, 768);
        english.navigate(url("/?lang=en"));
        assertThat(english.locator("#inbox-title")).hasText("My inbox");
        assertOneLineNavigation(english, "English at 1024");
        assertNoSidewaysScroll(english, "English at 1024");
        Chromium.screenshot(english, "shell-county-admin-1024-en");
        english.navigate(url("/?lang=zh-CN"));
        english.context().close();
    }

    /** The brand, every area and the user's menu share one row: their tops are within a few pixels. */
    private static void assertOneLineNavigation(Page page, String where) {
        Object tops = page.evaluate("""
                () => Array.from(document.querySelectorAll('.yly-nav .navbar-brand, #nav-areas > li, .nav-user > *'))
                           .filter(e => e.offsetParent !== null)
                           .map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))
                """);
        List<Integer> middles = ((List<?>) tops).stream().map(t -> ((Number) t).intValue()).toList();
        assertThat(middles).as(where).isNotEmpty();
        int min = middles.stream().min(Integer::compare).orElseThrow();
        int max = middles.stream().max(Integer::compare).orElseThrow();
        assertThat(max - min).as("navigation items' vertical centres on " + where).isLessThanOrEqualTo(8);
        Number height = (Number) page.evaluate("() => document.querySelector('.yly-nav').offsetHeight");
        assertThat(height.intValue()).as("navigation bar height on " + where).isLessThan(70);
    }

    private static void assertNoSidewaysScroll(Page page, String where) {
        Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        Number innerWidth = (Number) page.evaluate("() => window.innerWidth");
        assertThat(scrollWidth.intValue()).as("scrollWidth on " + where).isLessThanOrEqualTo(innerWidth.intValue());
    }
}
