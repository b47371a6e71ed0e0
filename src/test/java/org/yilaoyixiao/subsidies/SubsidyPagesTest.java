package org.yilaoyixiao.subsidies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class SubsidyPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private org.springframework.mock.web.MockHttpSession admin() throws Exception {
        var result = mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn();
        return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).session(admin())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theParameterTableShowsValuesHistoryAndProvisionalMarks() throws Exception {
        String html = page("/policy/parameters");
        assertThat(html).contains("institution-construction.owned.nursing").contains("11,000.00 元/床")
                .contains("丽政发〔2019〕43号").contains("待县民政局/卫健局确认").contains("暂定")
                .contains("自有产权护理型床位一次性建设补助");
    }

    @Test
    void theRunPageShowsTotalsByTownshipChangesAndLinesWithTheirExplanation() throws Exception {
        SubsidyFixtures fixtures = new SubsidyFixtures(mvc, json);
        long elder = fixtures.person("页面老人", LocalDate.of(1931, 9, 9), true, "NONE");
        var run = fixtures.run("ELDERLY_SERVICE_SUBSIDY", "2031-09");
        long id = run.get("id").asLong();
        String html = page("/subsidies/runs/" + id);
        assertThat(html).contains("养老服务补贴").contains("2031-09").contains("草稿").contains("鹤城街道")
                .contains("township-totals").contains("data-chart").contains("您是本批次的制单人")
                .contains("<td>鹤城街道</td>")
                .doesNotContain("id=\"approve-run\"");
        long line = jdbc.sql("select id from subsidies.run_line where run_id = :r and subject_id = :p and kind = 'REGULAR'")
                .param("r", id).param("p", elder).query(Long.class).single();
        assertThat(page("/subsidies/runs/" + id + "/lines/" + line)).contains("页面老人").contains("90 周岁及以上")
                .contains("养老服务补贴（能力完好）").contains("待县民政局/卫健局确认");
        assertThat(page("/subsidies/runs")).contains("2031-09");
        // the person's subsidies tab: today's entitlement and the line of the run, with its "why?" link
        assertThat(page("/subsidies/persons/" + elder + "/tab")).contains("养老服务补贴").contains("可以享受")
                .contains("2031-09").contains("/subsidies/runs/" + id + "/lines/" + line)
                .doesNotContain("育儿补贴：");
    }

    @Test
    void theQuoteCalculatorAnswersWithLinesAndReasons() throws Exception {
        String html = mvc.perform(post("/subsidies/quote").session(admin())
                        .with(csrf()).header("Accept-Language", "zh-CN")
                        .param("programme", "INSTITUTION_CONSTRUCTION").param("asOf", "2026-05-01")
                        .param("f.INSTITUTION_CONSTRUCTION.operationModel", "PRIVATE")
                        .param("f.INSTITUTION_CONSTRUCTION.premises", "LEASED")
                        .param("f.INSTITUTION_CONSTRUCTION.leaseYears", "6")
                        .param("f.INSTITUTION_CONSTRUCTION.operatingMonths", "13")
                        .param("f.INSTITUTION_CONSTRUCTION.starRating", "2")
                        .param("f.INSTITUTION_CONSTRUCTION.beds.NURSING", "10")
                        .param("f.INSTITUTION_CONSTRUCTION.beds.ASSISTED", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("可以享受").contains("72,000.00").contains("租赁用房护理型床位");
        String missing = mvc.perform(post("/subsidies/quote").session(admin())
                        .with(csrf()).header("Accept-Language", "zh-CN")
                        .param("programme", "ELDERLY_SERVICE_SUBSIDY").param("asOf", "2026-05-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("缺少测算所需的情况：年龄（周岁）");
    }
}
