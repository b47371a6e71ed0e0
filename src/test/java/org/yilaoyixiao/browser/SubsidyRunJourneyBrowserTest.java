package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.subsidies.SubsidyFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * A clerk computes a month of the elderly service subsidy, watches the progress, reads the totals by township and a
 * line's explanation, and cannot approve her own run; a colleague at the civil affairs bureau approves it and the
 * payment lists appear. Screenshots go to target/screenshots.
 */
@PlatformTest
class SubsidyRunJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aRunIsPreparedByOneAndApprovedByAnother() throws Exception {
        new SubsidyFixtures(mvc, json).person("旅程老人", LocalDate.of(1930, 7, 7), true, "NONE");
        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);

        Page clerk = loggedInAdmin();
        clerk.navigate(url("/subsidies/runs"));
        clerk.locator("#programme").selectOption("ELDERLY_SERVICE_SUBSIDY");
        clerk.locator("#month").fill("2031-07");
        clerk.locator("#start-run-button").click();
        assertThat(clerk.locator("#run-progress-bar")).hasText("100%");
        assertThat(clerk.locator("#run-status")).hasText("草稿");
        assertThat(clerk.locator("#township-totals")).containsText("鹤城街道");
        assertThat(clerk.locator("#maker-checker-hint")).isVisible();
        assertThat(clerk.locator("#approve-run")).hasCount(0);
        Chromium.screenshot(clerk, "subsidies-01-run");

        // the month's own line (late-registered elders may also have arrears lines for approved months)
        clerk.locator("#line-table tr", new Page.LocatorOptions().setHasText("旅程老人"))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("当月"))
                .locator(".line-detail").click();
        assertThat(clerk.locator("#line-basis")).hasText("90 周岁及以上");
        assertThat(clerk.locator("#line-rates")).containsText("待县民政局/卫健局确认");
        Chromium.screenshot(clerk, "subsidies-02-line");
        String runPage = clerk.locator("nav a").last().getAttribute("href");

        Page approver = logIn(checker, Accounts.PASSWORD, 1366, 900);
        approver.navigate(url(runPage));
        approver.locator("#approve-run").click();
        // the approval preview: confirm what is shown
        assertThat(approver.locator("#maker-checker")).containsText("审批人不能是制单人");
        approver.locator("#confirm-approve").click();
        assertThat(approver.locator("#run-approved")).isVisible();
        assertThat(approver.locator("#run-status")).hasText("已审批");
        // the approver by display name, never the username
        assertThat(approver.locator("#approved-by")).hasText("测试用户");
        assertThat(approver.locator("#payment-xlsx")).isVisible();
        assertThat(approver.locator("#payment-csv")).isVisible();
        Chromium.screenshot(approver, "subsidies-03-approved");

        clerk.navigate(url("/subsidies/quote"));
        clerk.locator("#quote-programme").selectOption("CHILDCARE_ALLOWANCE");
        clerk.locator("#asOf").fill("2026-05-20");
        clerk.locator("#ca-birth").fill("2024-02-10");
        clerk.locator("#quote-submit").click();
        assertThat(clerk.locator("#quote-verdict")).hasText("可以享受");
        assertThat(clerk.locator("#quote-amount")).hasText("300.00");
        Chromium.screenshot(clerk, "subsidies-04-quote");
    }
}
