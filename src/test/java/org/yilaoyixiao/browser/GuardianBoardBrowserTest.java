package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/**
 * A duty officer keeps the live alert board open; an elder presses the SOS button; the alert appears without a reload
 * (server-sent events), is acknowledged and then resolved with a note.
 */
@PlatformTest
class GuardianBoardBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void anSosAppearsLiveAndIsAcknowledgedAndResolved() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("看板老人");
        String button = "sos-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"SOS_BUTTON","personId":%d}""".formatted(button, elder))
                .andExpect(status().isCreated());
        String key = fixtures.body(fixtures.send(post("/api/v1/guardian/gateways"), "{\"name\":\"看板网关\"}"))
                .get("apiKey").asString();

        Page page = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, 1366, 900);
        page.navigate(url("/guardian/alerts"));
        assertThat(page.locator("#live-status[data-connected='true']")).hasText("实时");

        mvc.perform(post("/api/v1/guardian/telemetry").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"deviceId\":\"%s\",\"type\":\"SOS\",\"at\":\"%s\",\"seq\":1}]"
                                .formatted(button, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5))))
                .andExpect(status().isAccepted());

        Locator row = page.locator("#alert-table tr").filter(new Locator.FilterOptions().setHasText("看板老人"));
        assertThat(row).containsText("一键呼叫");
        assertThat(row.locator(".alert-status")).hasText("待处理");
        Chromium.screenshot(page, "guardian-01-live-alert");

        row.locator("button.acknowledge").click();
        assertThat(row.locator(".alert-status")).hasText("已接警");
        row.locator("input.resolve-note").fill("管家已上门，老人误按");
        row.locator("button.resolve").click();
        // the board lists what is still to handle: a resolved alert leaves it, and is found among all alerts
        assertThat(row).hasCount(0);
        page.navigate(url("/guardian/alerts?status=ALL"));
        row = page.locator("#alert-table tr").filter(new Locator.FilterOptions().setHasText("看板老人"));
        assertThat(row.locator(".alert-status")).hasText("已处理");
        Chromium.screenshot(page, "guardian-02-resolved");

        String detail = row.locator("a").first().getAttribute("href");
        page.navigate(url(detail));
        assertThat(page.locator("#alert-history")).containsText("管家已上门，老人误按");
        assertThat(page.locator("#timeline")).containsText(button);
    }
}
