package org.yilaoyixiao.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * The indicator pages in the shell: years never with a thousands separator, the county leader reads everything and
 * enters nothing, the dashboard leads to the overview, and a bureau clerk's inbox counts the indicators their bureau
 * still has to report this year.
 */
@PlatformTest
class IndicatorShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IndicatorInbox inbox;

    @Autowired
    PendingReports pending;

    @Autowired
    ReportedValues reports;

    @Autowired
    IndicatorBoard board;

    @Autowired
    Clock clock;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void yearsAreWrittenWithoutAThousandsSeparator() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        String year = String.valueOf(board.currentYear());
        Document dashboard = page(admin, "/indicators/dashboard");
        assertThat(dashboard.select("#year-select option").eachText()).contains(year + "年", "2022年")
                .noneMatch(text -> text.contains(","));
        assertThat(dashboard.select("[data-kind=trend]").eachAttr("data-indicator-chart"))
                .isNotEmpty().allSatisfy(json -> assertThat(json).contains("\"2022\"").doesNotContain("2,0"));
        Document inputs = page(admin, "/indicators/inputs");
        assertThat(inputs.select("#i-year option").eachText()).contains(year + "年");
        assertThat(inputs.select("#pending .card-header").text()).contains(year + "年").doesNotContain(",");
        String refused = mvc.perform(get("/indicators/dashboard").param("year", "1999").session(admin))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).text()).contains("年份应在 2000 至 " + year + " 之间");
        // the overview of one's scope is a link away, by its name
        assertThat(dashboard.selectFirst("#overview-link").attr("href")).isEqualTo("/home");
        assertThat(dashboard.selectFirst("#overview-link").text()).isEqualTo("数据概览");
    }

    @Test
    void aCountyLeaderReadsTheDashboardExportsAndReportButEntersNothing() throws Exception {
        MockHttpSession leader = login(Accounts.create(mvc, "LEADER", PlatformTest.COUNTY), Accounts.PASSWORD);
        Document dashboard = page(leader, "/indicators/dashboard");
        assertThat(dashboard.select("#inputs-link")).isEmpty();
        assertThat(dashboard.select("#mainNav a[href=/indicators/inputs]")).isEmpty();
        assertThat(dashboard.select("#mainNav a[href=/indicators/dashboard]")).isNotEmpty();
        mvc.perform(get("/indicators/dashboard").param("division", PlatformTest.HECHENG).session(leader))
                .andExpect(status().isOk());
        mvc.perform(get("/indicators/export.xlsx").session(leader)).andExpect(status().isOk());
        mvc.perform(get("/indicators/report.pdf").session(leader)).andExpect(status().isOk());
        mvc.perform(get("/plan/projects").session(leader)).andExpect(status().isOk());
        mvc.perform(get("/indicators/inputs").session(leader)).andExpect(status().isForbidden());
        mvc.perform(post("/indicators/inputs/statistics").session(leader).with(csrf())
                .param("division", PlatformTest.COUNTY).param("year", "2024").param("residentPopulation", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/indicators/inputs/reports").session(leader).with(csrf())
                .param("division", PlatformTest.COUNTY).param("year", "2024").param("code", "I01")
                .param("value", "80").param("evidence", "统计公报")).andExpect(status().isForbidden());
        mvc.perform(post("/plan/projects/progress").session(leader).with(csrf()).param("code", "E01")
                .param("status", "ONGOING")).andExpect(status().isForbidden());
        // a division that does not exist is not found, whoever asks
        mvc.perform(get("/indicators/dashboard").param("division", "999999999").session(leader))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBureauClerksInboxCountsTheIndicatorsTheirBureauStillHasToReport() {
        TestClock moving = (TestClock) clock;
        // a year nobody has reported for yet
        moving.advance(Duration.ofDays(366));
        try {
            int year = board.currentYear();
            CurrentUser health = new CurrentUser(-1, "inbox-health", "卫健局测试", Set.of(Role.BUREAU_STAFF),
                    PlatformTest.COUNTY, Bureau.HEALTH);
            CurrentUser civil = new CurrentUser(-2, "inbox-civil", "民政局测试", Set.of(Role.BUREAU_STAFF),
                    PlatformTest.COUNTY, Bureau.CIVIL_AFFAIRS);
            List<IndicatorDefinition> healths = pending.reportable(Bureau.HEALTH);
            assertThat(healths).isNotEmpty().allSatisfy(d -> assertThat(d.responsibleUnits()).contains("县卫生健康局"));
            long before = count(health);
            long civilBefore = count(civil);
            assertThat(before).isEqualTo(healths.size());
            WorkItem item = inbox.itemsFor(health).get(0);
            assertThat(item.path()).isEqualTo("/indicators/inputs?division=" + PlatformTest.COUNTY + "&year=" + year
                    + "#pending");

            // a township's value is not the county's
            reports.report(healths.get(0).code(), PlatformTest.HECHENG, year, new BigDecimal("1"), "乡镇数据", "测试");
            assertThat(count(health)).isEqualTo(before);
            reports.report(healths.get(0).code(), PlatformTest.COUNTY, year, new BigDecimal("1"), "县统计公报", "测试");
            assertThat(count(health)).isEqualTo(before - 1);
            assertThat(count(civil)).isEqualTo(civilBefore - (healths.get(0).responsibleUnits().contains("县民政局")
                    ? 1 : 0));
            // township clerks and the administrators report nothing through the inbox
            assertThat(inbox.itemsFor(new CurrentUser(-3, "t", "乡镇测试", Set.of(Role.TOWNSHIP_STAFF),
                    PlatformTest.HECHENG, null))).isEmpty();
        } finally {
            moving.advance(Duration.ofDays(-366));
        }
    }

    private long count(CurrentUser user) {
        return inbox.itemsFor(user).stream().mapToLong(WorkItem::count).sum();
    }
}
