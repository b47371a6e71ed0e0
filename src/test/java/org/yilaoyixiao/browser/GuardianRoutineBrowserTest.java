package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/**
 * A township officer looks for a watch on the device list, opens the elder's routine, relearns it, and sees the
 * learned places, the charts (drawn by ECharts from data attributes, no inline script) and the usual outing.
 */
@PlatformTest
class GuardianRoutineBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDeviceListLeadsToTheElderRoutineWithItsChartsAndPlaces() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("画像老人");
        String watch = "watch-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"GPS_WATCH","personId":%d}""".formatted(watch, elder))
                .andExpect(status().isCreated());
        // a week of positions: home, and the market 900 m north from 07:20 to 08:40
        LocalDate today = clock.instant().atZone(BusinessTime.ZONE).toLocalDate();
        long seq = 0;
        List<Object[]> rows = new ArrayList<>();
        for (int d = 7; d >= 1; d--) {
            for (int minute = 6 * 60; minute < 21 * 60; minute += 20) {
                boolean market = minute >= 7 * 60 + 20 && minute < 8 * 60 + 40;
                OffsetDateTime at = today.minusDays(d).atTime(LocalTime.MIN.plusMinutes(minute))
                        .atZone(BusinessTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
                rows.add(new Object[] {++seq, at, 28.2500 + (market ? 900 : d * 5) / 111_195.0});
            }
        }
        for (Object[] r : rows) {
            jdbc.sql("insert into guardian.reading (device_id, seq, type, at, lat, lon)"
                            + " values (:d, :s, 'LOCATION', :at, :lat, 120.15)").param("d", watch).param("s", r[0])
                    .param("at", r[1]).param("lat", r[2]).update();
        }

        Page page = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, 1366, 900);
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
        page.navigate(url("/guardian/devices?type=GPS_WATCH&township=331121001"));
        Locator row = page.locator("#device-table tr[data-device='" + watch + "']");
        assertThat(row).containsText("画**人");
        row.locator("a.routine-link").click();

        assertThat(page.locator("#learned-at")).containsText("尚未学习");
        page.locator("#relearn-form button").click();
        assertThat(page.locator("#learned-at")).containsText("最近学习");
        assertThat(page.locator("#learned-places")).containsText("家");
        assertThat(page.locator("#learned-places")).containsText("常去地点 1");
        assertThat(page.locator("#outings")).containsText("06:");
        assertThat(page.locator("[data-chart='map'] canvas")).hasCount(1);
        assertThat(page.locator("[data-chart='hours'] canvas")).hasCount(1);
        assertThat(page.locator("[data-chart='curves'] canvas")).hasCount(1);
        Chromium.screenshot(page, "guardian-03-routine");
        org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
    }
}
