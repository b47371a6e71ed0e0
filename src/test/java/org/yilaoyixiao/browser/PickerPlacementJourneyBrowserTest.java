package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18: a township clerk at the office screen admits an elder to a nursing bed and enrols an infant in a class
 * using only the navigation and the pickers — names typed, choices clicked, no internal number anywhere.
 */
@PlatformTest
class PickerPlacementJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aClerkAdmitsAnElderAndEnrolsAnInfantByNameOnly() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        String tag = Long.toString(System.nanoTime() % 100_000);
        String home = "选名颐养院" + tag;
        fixtures.institution(home, 5, 5);
        JsonNode provider = fixtures.provider("选名托育园" + tag, 20, "[{\"type\":\"TODDLER\",\"capacity\":10}]");
        fixtures.carers(provider.get("id").asLong(), provider.get("classes").get(0).get("id").asLong(), 2);
        String elder = "选名阿公" + tag;
        String infant = "选名宝宝" + tag;
        fixtures.elder(elder);
        fixtures.child(infant, LocalDate.now().minusMonths(18));
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);

        Page page = logIn(clerk, Accounts.PASSWORD, 1366, 768);
        htmxReady(page);
        openFromNavigation(page, "安置入托");
        page.locator("#new-admission").click();
        htmxReady(page);
        PeoplePickers.choose(page, "#person-picker", "选名阿公" + tag, elder);
        PeoplePickers.choose(page, "#facility-picker", home, home);
        assertThat(page.locator("select#bedType")).isEnabled();
        page.locator("select#bedType").selectOption("NURSING");
        page.locator("#from").fill(LocalDate.now().toString());
        // nothing on the form is a number the clerk had to know
        assertThat(page.locator("#admission-form input:visible").evaluateAll(
                "inputs => inputs.filter(i => i.type === 'number' || /编号|id/i.test(i.placeholder || '')).length"))
                .isEqualTo(0);
        Chromium.screenshot(page, "picker-01-admission-form");
        page.locator("#save-admission").click();
        assertThat(page.locator("#placement-done")).isVisible();
        assertThat(page.locator("#history-table")).containsText(home);
        Chromium.screenshot(page, "picker-02-admitted");

        openFromNavigation(page, "安置入托");
        page.locator("#new-enrolment").click();
        htmxReady(page);
        PeoplePickers.choose(page, "#person-picker", "选名宝宝" + tag, infant);
        PeoplePickers.choose(page, "#facility-picker", "选名托育园" + tag, "选名托育园" + tag);
        assertThat(page.locator("select#classId")).isEnabled();
        page.locator("select#classId").selectOption(provider.get("classes").get(0).get("id").asText());
        page.locator("#from").fill(LocalDate.now().toString());
        Chromium.screenshot(page, "picker-03-enrolment-form");
        page.locator("#save-enrolment").click();
        assertThat(page.locator("#enrolment-table")).containsText(infant);
        Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(1366);
        Chromium.screenshot(page, "picker-04-enrolled");
    }
}
