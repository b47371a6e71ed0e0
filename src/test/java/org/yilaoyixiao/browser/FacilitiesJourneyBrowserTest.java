package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * A bureau clerk looks over the county's facilities, registers a childcare provider whose lease is too short to be
 * filed, and corrects it. Screenshots go to target/screenshots.
 */
@PlatformTest
class FacilitiesJourneyBrowserTest extends BrowserJourney {

    @Test
    void aClerkRegistersAChildcareProviderAndMeetsTheFilingRule() {
        Page page = loggedInAdmin();

        page.navigate(url("/"));
        openFromNavigation(page, "机构设施");
        assertThat(page.locator("#institution-table")).containsText("示例颐养院1号");
        Chromium.screenshot(page, "facilities-01-institutions");

        page.navigate(url("/facilities/staff"));
        assertThat(page.locator("#expiring-certificates")).containsText("30天内到期的证书");
        Chromium.screenshot(page, "facilities-02-staff-expiring");

        page.navigate(url("/facilities/providers/new"));
        page.getByLabel("名称").fill("浏览器托育园");
        PeoplePickers.choose(page, "#division-picker", "鹤城", "鹤城街道");
        page.locator("select#kind").selectOption("STANDALONE");
        page.getByLabel("核定托位").fill("25");
        page.locator("input#filed1").check();
        page.getByLabel("备案日期").fill("2025-09-01");
        page.locator("select#premises").selectOption("LEASED");
        page.getByLabel("租赁到期日").fill("2027-06-30");
        page.locator("select[name='classes[0].type']").selectOption("INFANT");
        page.locator("input[name='classes[0].capacity']").fill("10");
        page.locator("select[name='classes[1].type']").selectOption("TODDLER");
        page.locator("input[name='classes[1].capacity']").fill("15");
        page.locator("#save-provider").click();
        assertThat(page.locator("#provider-form")).containsText("租赁期自备案之日起不少于3年");
        Chromium.screenshot(page, "facilities-03-filing-refused");

        page.getByLabel("租赁到期日").fill("2028-09-01");
        page.locator("#save-provider").click();
        assertThat(page.locator("#class-table")).containsText("乳儿班");
        assertThat(page.locator("#class-table")).containsText("托小班");
        Chromium.screenshot(page, "facilities-04-provider");
    }
}
