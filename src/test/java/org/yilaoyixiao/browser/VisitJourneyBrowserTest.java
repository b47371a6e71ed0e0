package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.visits.VisitFixtures;

/**
 * A care butler on a phone opens today's visits, taps one, fills in the checklist (a video call with the son in
 * Italy, a concern that raises a meal service), loses the network as she submits, sees the draft kept, and when the
 * network returns the visit is submitted — once. Screenshots go to target/screenshots.
 */
@PlatformTest
class VisitJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aButlerRecordsAVisitOnAPhoneThroughADroppedNetwork() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        String village = fx.freshVillage();
        String butler = Accounts.create(mvc, "BUTLER", VisitFixtures.TOWNSHIP);
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + butler + "\"}")
                .andExpect(status().isNoContent());
        long elder = fx.elder("手机探访", village, "MINIMUM_LIVING", "LEFT_BEHIND");
        fx.generate(YearMonth.from(BusinessTime.today(clock)));

        Page page = logIn(butler, Accounts.PASSWORD, 390, 844);
        page.navigate(url("/visits"));
        assertThat(page.getByText("手机探访")).isVisible();
        Chromium.screenshot(page, "visits-01-my-tasks");
        page.locator("[id^=start-]").first().click();

        assertThat(page.locator("#visit-person")).hasText("手机探访");
        page.locator("label[for=mode-VIDEO]").click();
        page.locator("#withFamilyAbroad").check();
        page.locator("#durationMinutes").fill("25");
        for (String area : new String[]{"LIVING", "SAFETY", "MENTAL", "NEEDS"}) {
            page.locator("label[for=concern-" + area + "-no]").click();
        }
        // a draft survives leaving the page: it is kept on the phone as it is filled in
        page.reload();
        assertThat(page.locator("#draft-status")).isVisible();
        assertThat(page.locator("#durationMinutes")).hasValue("25");
        assertThat(page.locator("#mode-VIDEO")).isChecked();
        page.locator("label[for=concern-HEALTH-yes]").click();
        page.locator("#note-HEALTH").fill("腿脚不便，买菜困难");
        page.locator("#raise-HEALTH").selectOption("SERVICE_NEED");
        page.locator("#service-HEALTH").selectOption("MEALS");
        page.locator("#photos").setInputFiles(new com.microsoft.playwright.options.FilePayload("kitchen.png",
                "image/png", java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAD"
                        + "UlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")));
        Chromium.screenshot(page, "visits-02-checklist");

        page.context().setOffline(true);
        page.locator("#submit-visit").click();
        assertThat(page.locator("#visit-status")).containsText("网络不通");
        Chromium.screenshot(page, "visits-03-offline-draft");
        org.assertj.core.api.Assertions.assertThat(visits(elder)).isZero();
        // the draft survives on the phone
        org.assertj.core.api.Assertions.assertThat((String) page.evaluate(
                "() => Object.keys(localStorage).filter(k => k.startsWith('yly.visit-draft.')).join()")).isNotEmpty();

        page.context().setOffline(false);
        assertThat(page.locator("#visit-status")).containsText("已提交");
        assertThat(page.locator("#visit-link")).isVisible();
        assertThat(page.locator("#photo-status")).containsText("已上传 1 张照片");
        org.assertj.core.api.Assertions.assertThat(visits(elder)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat((String) page.evaluate(
                "() => Object.keys(localStorage).filter(k => k.startsWith('yly.visit-draft.')).join()")).isEmpty();
        Chromium.screenshot(page, "visits-04-submitted");

        page.locator("#visit-link").click();
        assertThat(page.locator("#visit-mode")).hasText("视频探访");
        assertThat(page.locator("#visit-findings")).containsText("助餐");
        assertThat(page.locator("#visit-photos img")).hasCount(1);
        page.navigate(url("/visits"));
        assertThat(page.getByText("手机探访")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(visits(elder)).isEqualTo(1);
        page.context().close();

        // the supervisor sees the township's month: the butler's elders, the village's rate, the meal service need
        Page supervisor = loggedInAdmin();
        supervisor.navigate(url("/visits/supervision?division=" + VisitFixtures.TOWNSHIP));
        assertThat(supervisor.locator("#visitor-table")).containsText("测试用户");
        assertThat(supervisor.locator("#part-table")).containsText("探访测试村" + village.substring(9));
        assertThat(supervisor.locator("#raised-list")).containsText("助餐");
        Chromium.screenshot(supervisor, "visits-05-supervision");
        supervisor.navigate(url("/persons/" + elder));
        htmxReady(supervisor);
        supervisor.locator("#person-tabs").getByText("探访记录").click();
        assertThat(supervisor.locator("#visit-table")).containsText("视频探访");
        Chromium.screenshot(supervisor, "visits-06-person-tab");
    }

    private long visits(long person) {
        return jdbc.sql("select count(*) from visits.visit where person_id = :p").param("p", person)
                .query(Long.class).single();
    }
}
