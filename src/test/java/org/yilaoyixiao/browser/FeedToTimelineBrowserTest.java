package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.exchange.ExchangeFixtures;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * A bureau clerk uploads the household-registration feed (a death and a malformed row), reads the result — the bad
 * row with its reason in Chinese — follows the record to the person and finds the death on the person's timeline.
 */
@PlatformTest
class FeedToTimelineBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aFeedUploadReachesThePersonsTimeline() throws Exception {
        ExchangeFixtures.Person elder = new ExchangeFixtures(mvc, json)
                .person("时间线老人", LocalDate.of(1936, 9, 9), true, "NONE");
        String prefix = "journey-" + System.nanoTime();
        String csv = """
                recordId,type,idNumber,effectiveDate
                %1$s-1,DEATH,%2$s,2026-03-08
                %1$s-2,DEATH,123,2026-03-08
                """.formatted(prefix, elder.idNumber());

        Page clerk = loggedInAdmin();
        clerk.navigate(url("/exchange"));
        assertThat(clerk.locator("h1")).hasText("数据交换：数据导入");
        clerk.locator("#feed").selectOption("household");
        clerk.locator("#feed-file").setInputFiles(new FilePayload("户籍变动.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        Chromium.screenshot(clerk, "60-exchange-upload");
        clerk.locator("#feed-submit").click();

        assertThat(clerk.locator("h1")).hasText("导入结果");
        assertThat(clerk.locator("#load-summary")).containsText("共 2 条：接收 1 条，重复 0 条，拒收 1 条");
        assertThat(clerk.locator("#rejection-table")).containsText("身份证号无效");
        assertThat(clerk.locator("#record-" + prefix + "-1")).containsText("已登记死亡");
        Chromium.screenshot(clerk, "61-exchange-result");

        clerk.locator("#record-" + prefix + "-1 .record-person").click();
        assertThat(clerk.locator("h1")).containsText("时间线老人");
        htmxReady(clerk);
        clerk.locator("#person-tabs button", new Page.LocatorOptions().setHasText("时间线")).click();
        assertThat(clerk.locator("#timeline-events")).containsText("死亡（户籍）");
        assertThat(clerk.locator("#timeline-events .timeline-event[data-kind=DEATH]")).containsText("2026-03-08");
        assertThat(clerk.locator("#timeline-events .timeline-event[data-kind=DEATH]"))
                .containsText("household#" + prefix + "-1");
        Chromium.screenshot(clerk, "62-person-timeline");
    }
}
