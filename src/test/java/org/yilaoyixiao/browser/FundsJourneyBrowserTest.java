package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.funds.FundsFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/**
 * The bank's statement shows a 60 000-yuan payment out of a care home's custody account; the rules put the account on
 * hold. A civil-affairs official finds the alert, opens the institution's account, sees the balance timeline and the
 * hold, and releases it with a reason. Screenshots go to target/screenshots.
 */
@PlatformTest
class FundsJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void anOfficialGoesFromAnAlertToReleasingTheHold() throws Exception {
        FundsFixtures funds = new FundsFixtures(mvc, json);
        String institution = "浏览器止付颐养院" + System.nanoTime() % 1_000_000;
        long account = funds.account(institution, "0.1");
        funds.importStatement(account, "large-outflow.csv").andExpect(status().isAccepted());
        String official = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);

        Page page = logIn(official, Accounts.PASSWORD, 1366, 900);
        page.navigate(url("/"));
        openFromNavigation(page, "资金预警");
        Locator row = page.locator("#alert-table tr").filter(new Locator.FilterOptions().setHasText(institution))
                .filter(new Locator.FilterOptions().setHasText("单笔大额支出"));
        assertThat(row).containsText("待处理");
        assertThat(row).containsText("60,000.00");
        Chromium.screenshot(page, "funds-01-alerts");

        row.locator("a.alert-account").click();
        assertThat(page.locator("h1")).containsText(institution);
        assertThat(page.locator("#account-status")).hasText("已止付");
        assertThat(page.locator("#hold-panel")).containsText("由系统规则自动止付");
        assertThat(page.locator("#account-alerts")).containsText("止付期间的非退费支出");
        assertThat(page.locator("#balance-chart canvas")).hasCount(1);
        assertThat(page.locator("#account-number")).containsText("****");
        htmxReady(page);
        page.locator("#reveal-number").click();
        assertThat(page.locator("#account-number")).not().containsText("*");
        Chromium.screenshot(page, "funds-02-account-on-hold");

        page.getByLabel("解除理由").fill("经核实系经批准的装修款，已补正支出审批手续");
        page.locator("#release-hold").click();
        // the preview: what may be paid before and after, the obligations; then the confirmation
        assertThat(page.locator("h1")).hasText("解除止付：请核对后确认");
        assertThat(page.locator("#preview-before")).hasText("0.00 元");
        assertThat(page.locator("#release-reason")).hasValue("经核实系经批准的装修款，已补正支出审批手续");
        Chromium.screenshot(page, "funds-03a-release-preview");
        page.locator("#confirm-release").click();
        assertThat(page.locator("#release-done")).hasText("已解除止付。");
        assertThat(page.locator("#account-status")).hasText("正常");
        assertThat(page.locator("#hold-table")).containsText("经核实系经批准的装修款");
        // the official by display name, never the username
        assertThat(page.locator("#hold-table")).containsText("测试用户");
        assertThat(page.locator("#hold-table")).not().containsText(official);
        assertThat(page.locator("#account-alerts")).not().containsText("待处理");
        Chromium.screenshot(page, "funds-03-released");
    }
}
