package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.timebank.TimeBankFixtures;
import tools.jackson.databind.ObjectMapper;

/**
 * A township organiser records yesterday's activity of the village's elder volunteers, adds a volunteer with the
 * hours she gave, confirms and credits it, and opens her time-bank statement, where the hours are. Screenshots go
 * to target/screenshots.
 */
@PlatformTest
class TimeBankJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void anOrganiserConfirmsAnActivityAndTheVolunteerSeesHerHours() throws Exception {
        TimeBankFixtures fx = new TimeBankFixtures(mvc, json);
        String name = "银龄志愿者" + System.nanoTime() % 100_000;
        long volunteer = fx.volunteer(name, 64, PlacementFixtures.VILLAGE);
        String organiser = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);

        Page page = logIn(organiser, Accounts.PASSWORD, 1366, 900);
        page.navigate(url("/"));
        openFromNavigation(page, "时间银行");
        assertThat(page.locator("h1")).hasText("志愿者与时间银行");
        page.locator("#go-activities").click();
        assertThat(page.locator("h1")).hasText("活动确认记时");
        String title = "重阳节陪伴独居老人 " + name;
        page.getByLabel("活动名称").fill(title);
        PeoplePickers.chooseValue(page, "#divisionCode", "鹤城一社区", PlacementFixtures.VILLAGE);
        page.locator("#create-activity").click();

        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("#activity-status")).hasText("待确认");
        page.locator("#participant").selectOption(Long.toString(volunteer));
        page.locator("#participant-hours").fill("2.5");
        page.locator("#add-participant").click();
        assertThat(page.locator("#participant-table")).containsText(name);
        Chromium.screenshot(page, "timebank-01-activity");

        page.locator("#confirm").click();
        assertThat(page.locator("#confirm-done")).hasText("已确认，为 1 位参与者共记入 2.50 小时。");
        assertThat(page.locator("#activity-status")).hasText("已确认记时");
        assertThat(page.locator("#confirm")).hasCount(0);
        Chromium.screenshot(page, "timebank-02-confirmed");

        page.locator("#participant-table a").filter(new Locator.FilterOptions().setHasText(name)).click();
        assertThat(page.locator("h1")).containsText(name);
        assertThat(page.locator("#balance")).hasText("2.50");
        assertThat(page.locator("#earned")).hasText("2.50");
        Locator line = page.locator("#statement-lines tbody tr");
        assertThat(line).hasCount(1);
        assertThat(line).containsText("服务存时");
        assertThat(line).containsText("参加活动");
        assertThat(page.locator("#statement-summary")).containsText("期末 2.50 小时");
        Chromium.screenshot(page, "timebank-03-statement");
    }
}
