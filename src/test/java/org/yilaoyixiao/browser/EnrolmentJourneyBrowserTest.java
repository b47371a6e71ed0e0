package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * A clerk tries to enrol an infant into an infant class that is already full and is refused in plain Chinese; the
 * class is left as it was. Screenshots go to target/screenshots.
 */
@PlatformTest
class EnrolmentJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aClerkEnrolsAnInfantIntoAFullClassAndIsRefused() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        JsonNode provider = fixtures.provider("浏览器满班托育园", 10, "[{\"type\":\"INFANT\",\"capacity\":1}]");
        long providerId = provider.get("id").asLong();
        long classId = provider.get("classes").get(0).get("id").asLong();
        fixtures.enrol(fixtures.child("先到宝", LocalDate.of(2025, 8, 1)), providerId, classId, "2026-03-01")
                .andExpect(status().isConflict());
        long infant = fixtures.child("后到宝", LocalDate.of(2025, 8, 10));

        Page page = loggedInAdmin();
        page.navigate(url("/placement"));
        page.locator("#new-enrolment").click();
        PeoplePickers.choose(page, "#facility-picker", "浏览器满班", "浏览器满班托育园");
        assertThat(page.locator("#classId")).isEnabled();
        // no carers recorded yet: the clerk records one for the class on the provider's classes page
        page.locator("#carers-link").click();
        assertThat(page.locator("#provider-name")).containsText("浏览器满班托育园");
        page.locator("#carers-" + classId).fill("1");
        page.locator("#save-carers-" + classId).click();
        assertThat(page.locator("#carers-" + classId)).hasValue("1");
        fixtures.enrol(fixtures.child("先到宝二", LocalDate.of(2025, 8, 1)), providerId, classId, "2026-03-01")
                .andExpect(status().isCreated());

        page.locator("#enrol-here").click();
        PeoplePickers.choose(page, "#person-picker", "后到宝", "后到宝");
        PeoplePickers.choose(page, "#facility-picker", "浏览器满班", "浏览器满班托育园");
        page.locator("select#classId").selectOption(Long.toString(classId));
        page.getByLabel("入托日期").fill("2026-03-02");
        page.locator("#save-enrolment").click();

        assertThat(page.locator("#refusal")).containsText("该班级已满：班额 1 人，在托 1 人，不能再入托。");
        assertThat(page.locator("#person-picker")).hasValue("后到宝");
        assertThat(page.locator("input[name=personId]")).hasValue(Long.toString(infant));
        Chromium.screenshot(page, "placement-01-class-full");

        page.navigate(url("/placement/enrolments?providerId=" + providerId));
        assertThat(page.locator("#enrolment-table")).containsText("先到宝二");
        assertThat(page.locator("#enrolment-table")).not().containsText("后到宝");
    }
}
