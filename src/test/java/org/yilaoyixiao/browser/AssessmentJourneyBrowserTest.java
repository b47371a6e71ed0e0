package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.assessment.AssessmentItem;
import org.yilaoyixiao.assessment.AssessmentItems;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * An assessor on a tablet opens the person's 能力评估 tab, fills in the 26 items, sees the subtotals and the level
 * while filling in, saves and gets the printable result. Screenshots go to target/screenshots.
 */
@PlatformTest
class AssessmentJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void anAssessorFillsInTheFormOnATabletAndSeesTheLevel() throws Exception {
        long elder = new PlacementFixtures(mvc, json).elder("平板评估");
        Page page = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, 1024, 1366);
        page.navigate(url("/persons/" + elder));
        htmxReady(page);
        page.locator("#person-tabs").getByText("能力评估").click();
        page.locator("#new-assessment").click();

        page.locator("#assessedOn").fill("2026-03-03");
        page.locator("#place").fill("老人家中");
        page.locator("#assessor1").fill("张评估");
        page.locator("#assessor2").fill("李评估");
        for (AssessmentItem item : AssessmentItems.standard().all()) {
            // self-care fully dependent (B.1 = 0), everything else at its maximum: 58 points
            int score = item.group().equals("B.1") ? 0 : item.maxScore();
            page.locator("[id='item-" + item.code() + "-" + score + "']").check();
        }
        assertThat(page.locator("[id='subtotal-B.1']")).hasText("0");
        assertThat(page.locator("#total")).hasText("58");
        assertThat(page.locator("#live-level")).containsText("能力中度受损");
        page.locator("#riskEvents").fill("2");
        assertThat(page.locator("#live-level")).containsText("能力重度受损");
        Chromium.screenshot(page, "assessment-01-form");

        page.locator("#save-assessment").click();
        assertThat(page.locator("#result-total")).hasText("58");
        assertThat(page.locator("#result-level")).containsText("能力重度受损（重度失能）");
        Chromium.screenshot(page, "assessment-02-result");
    }
}
