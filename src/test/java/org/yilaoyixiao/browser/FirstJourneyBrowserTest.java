package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The first journey, in a real Chromium: the administrator logs in, creates a township account, and that user logs
 * in, replaces the initial password and sees only their township. Screenshots go to target/screenshots.
 */
@PlatformTest
class FirstJourneyBrowserTest extends BrowserJourney {

    @Test
    void adminCreatesATownshipUserWhoSeesOnlyTheirTownship() {
        // after creation the account list opens searched for the new account, however many accounts there are
        String username = Accounts.unique("gaoshi");
        Page admin = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, 1366, 900);
        // the administrator lands on the inbox; the overview of the county is in the navigation
        assertThat(admin.locator("#inbox-title")).hasText("我的待办");
        openFromNavigation(admin, "数据概览");
        assertThat(admin.locator("#scope-path")).containsText("青田县");
        assertThat(admin.locator("#division-tree tr[data-level=TOWNSHIP]")).hasCount(32);
        assertThat(admin.locator("#scope-chart canvas")).hasCount(1);
        Chromium.screenshot(admin, "01-admin-home");

        openFromNavigation(admin, "账号管理");
        admin.locator("#new-user").click();
        admin.getByLabel("用户名").fill(username);
        admin.getByLabel("姓名").fill("高市乡测试员");
        admin.getByLabel("初始密码").fill("Gaoshi#2026");
        admin.getByLabel("乡镇（街道）工作人员").check();
        // the division is picked by name
        PeoplePickers.chooseValue(admin, "#division-picker", "高市", "331121203");
        Chromium.screenshot(admin, "02-new-account-form");
        admin.locator("#create-user").click();
        assertThat(admin.locator(".alert-success")).containsText(username);
        assertThat(admin.locator("tr[data-username='" + username + "']")).containsText("高市乡");
        assertThat(admin.locator("#user-q")).hasValue(username);
        Chromium.screenshot(admin, "03-account-created");
        // htmx requests carry the CSRF token: the chain check answers in place
        admin.navigate(url("/audit"));
        htmxReady(admin);
        admin.locator("#verify-chain").click();
        assertThat(admin.locator("#verification")).containsText("日志链完整");
        assertThat(admin.locator("#head-hash")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        admin.locator("#audit-type").selectOption("USER_CREATED");
        admin.locator("#audit-filter button[type=submit]").click();
        assertThat(admin.locator("#audit-table")).containsText(username);
        Chromium.screenshot(admin, "04-audit-trail");

        // the API documentation works under the strict Content-Security-Policy
        // the description of a few hundred operations is built on its first request: wait for it, however long that takes
        admin.waitForResponse(response -> response.url().endsWith("/v3/api-docs"),
                new Page.WaitForResponseOptions().setTimeout(120_000), () -> admin.navigate(url("/swagger-ui.html")));
        assertThat(admin.locator(".swagger-ui .opblock-tag").first()).isVisible();
        assertThat(admin.locator("section.swagger-ui")).containsText("一老一小");
        assertThat(admin.locator("section.swagger-ui")).containsText("/api/v1/divisions/{code}");
        Chromium.screenshot(admin, "04-api-documentation");
        admin.navigate(url("/"));
        admin.getByText("退出登录").click();
        assertThat(admin.locator(".alert-info")).containsText("您已安全退出");

        Page clerk = logIn(username, "Gaoshi#2026", 390, 844);
        // the administrator knows the initial password, so the user first chooses their own
        assertThat(clerk.locator(".alert-warning")).containsText("请先设置");
        clerk.getByLabel("当前密码").fill("Gaoshi#2026");
        clerk.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill("Gaoshi-Mine-2026");
        clerk.getByLabel("再次输入新密码").fill("Gaoshi-Mine-2026");
        Chromium.screenshot(clerk, "05-township-user-sets-password");
        clerk.locator("#change-password").click();
        assertThat(clerk.locator(".alert-success")).containsText("密码已修改");
        assertThat(clerk.locator("#current-user")).hasText("高市乡测试员");
        assertThat(clerk.locator("#scope-path")).containsText("高市乡");
        assertThat(clerk.locator("#inbox-title")).hasText("我的待办");
        openFromNavigation(clerk, "数据概览");
        Locator rows = clerk.locator("#division-tree tr[data-code]");
        List<String> codes = rows.evaluateAll("rows => rows.map(r => r.dataset.code)")
                instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat(code).startsWith("331121203"));
        assertThat(clerk.locator("#division-tree")).not().containsText("鹤城街道");
        assertThat(clerk.locator("#mainNav")).not().containsText("账号管理");
        Chromium.screenshot(clerk, "06-township-user-home-phone");

        Response forbidden = clerk.navigate(url("/admin/users"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(clerk.locator("h1")).hasText("没有权限");
        Chromium.screenshot(clerk, "07-township-user-forbidden");
    }
}
