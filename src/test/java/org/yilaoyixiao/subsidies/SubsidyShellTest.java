package org.yilaoyixiao.subsidies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The subsidy pages as the 民政局 clerks, a township clerk and an auditor use them (issue 18): runs and grants waiting
 * for someone else's approval in the inbox, lines and change lists paged on the server, the change list exported
 * with masked ID numbers, quotes and grant applications for a subject chosen with the picker, every record of
 * another scope or none a 404 naming nobody, and the "why?" of a line in Chinese sentences (and in English).
 */
@PlatformTest
class SubsidyShellTest {

    /** Far from the months other tests compute, so that approving here makes none of theirs stale. */
    private static final String OPERATING_MONTH = "2041-01";
    private static final String MARCH = "2042-03";
    private static final String APRIL = "2042-04";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    MoneyPages pages;
    SubsidyFixtures fixtures;

    @BeforeEach
    void setUp() {
        pages = new MoneyPages(mvc);
        fixtures = new SubsidyFixtures(mvc, json);
    }

    private long institution(String name, String division) throws Exception {
        var created = fixtures.asAdmin("POST", "/api/v1/institutions", """
                {"name":"%s","divisionCode":"%s","operationModel":"PRIVATE","profitType":"NON_PROFIT","kind":"CARE_HOME",
                 "starRating":2,"starRatedOn":"2024-01-01","premises":"OWNED","openedOn":"2023-01-01",
                 "medicalPartnership":false,"smartCareHome":false,
                 "beds":[{"type":"NURSING","approved":12,"cognitive":0},{"type":"ASSISTED","approved":5,"cognitive":0}]}
                """.formatted(name, division));
        assertThat(created.andReturn().getResponse().getStatus()).isEqualTo(201);
        return fixtures.body(created).get("id").asLong();
    }

    /** An elder who turns 90 in April 2042: added to that month's run against March, on the ground AGE_90. */
    private long turningNinety(String name) throws Exception {
        return fixtures.person(name, LocalDate.of(1952, 4, 10), true, "NONE");
    }

    private JsonNode elderlyRuns() throws Exception {
        fixtures.run("ELDERLY_SERVICE_SUBSIDY", MARCH);
        return fixtures.run("ELDERLY_SERVICE_SUBSIDY", APRIL);
    }

    @Test
    void aRunWaitsInTheInboxOfAnotherClerkNotOfItsPreparerNorOfAnotherBureauAndLeavesItOnceApproved()
            throws Exception {
        String maker = pages.civilAffairsClerk("王制单");
        String checker = pages.civilAffairsClerk("李审批");
        String health = pages.account("BUREAU_STAFF", PlatformTest.COUNTY, "HEALTH", "赵卫健");
        String township = pages.account("TOWNSHIP_STAFF", PlatformTest.HECHENG, null, "周镇干");
        MockHttpSession makerSession = pages.login(maker);
        MockHttpSession checkerSession = pages.login(checker);
        MockHttpSession healthSession = pages.login(health);
        long makerBefore = pages.inbox(makerSession, "subsidies.inbox.runs");
        long checkerBefore = pages.inbox(checkerSession, "subsidies.inbox.runs");
        long healthBefore = pages.inbox(healthSession, "subsidies.inbox.runs");

        JsonNode run = fixtures.run(maker, Accounts.PASSWORD, "INSTITUTION_OPERATING", OPERATING_MONTH);
        assertThat(run.get("status").asString()).isEqualTo("DRAFT");

        assertThat(pages.inbox(makerSession, "subsidies.inbox.runs")).as("never one's own").isEqualTo(makerBefore);
        assertThat(pages.inbox(checkerSession, "subsidies.inbox.runs")).isEqualTo(checkerBefore + 1);
        assertThat(pages.inbox(healthSession, "subsidies.inbox.runs")).as("not the 卫健局's programme")
                .isEqualTo(healthBefore);
        assertThat(pages.inbox(pages.login(township), "subsidies.inbox.runs")).as("runs are county-wide").isZero();
        String link = pages.inboxLink(checkerSession, "subsidies.inbox.runs");
        assertThat(link).isEqualTo("/subsidies/runs?status=DRAFT&waiting=true");
        Document waiting = pages.page(checkerSession, link);
        assertThat(waiting.select("#runs-table a").eachText()).contains(OPERATING_MONTH);
        assertThat(waiting.select("#runs-table").text()).contains("王制单").doesNotContain(maker);
        assertThat(pages.page(makerSession, link).select("#runs-table a").eachText())
                .doesNotContain(OPERATING_MONTH);

        String confirmation = pages.page(checkerSession, "/subsidies/runs/" + run.get("id").asLong() + "/approve")
                .select("#confirm-form input[name=confirmation]").val();
        MockHttpServletResponse approved = pages.send(checkerSession,
                post("/subsidies/runs/" + run.get("id").asLong() + "/approve").param("confirmation", confirmation));
        assertThat(approved.getStatus()).isEqualTo(302);
        assertThat(pages.inbox(checkerSession, "subsidies.inbox.runs")).isEqualTo(checkerBefore);
        Document page = pages.page(checkerSession, "/subsidies/runs/" + run.get("id").asLong());
        assertThat(page.select("#prepared-by").text()).isEqualTo("王制单");
        assertThat(page.select("#approved-by").text()).isEqualTo("李审批");
    }

    @Test
    void aGrantAppliedForWithThePickerWaitsForAnotherClerkAndIsHiddenFromAnotherTownship() throws Exception {
        String maker = pages.civilAffairsClerk("钱经办");
        String checker = pages.civilAffairsClerk("孙审核");
        String ounan = pages.account("TOWNSHIP_STAFF", PlatformTest.OUNAN, null, "吴瓯南");
        MockHttpSession makerSession = pages.login(maker);
        MockHttpSession checkerSession = pages.login(checker);
        MockHttpSession ounanSession = pages.login(ounan);
        long checkerBefore = pages.inbox(checkerSession, "subsidies.inbox.grants");
        long makerBefore = pages.inbox(makerSession, "subsidies.inbox.grants");
        long home = institution("拾光颐养院" + System.nanoTime() % 100000, PlatformTest.HECHENG);

        // the form submits the id the facility picker put in its hidden field
        MockHttpServletResponse applied = pages.send(makerSession, post("/subsidies/grants")
                .param("programme", "INSTITUTION_CONSTRUCTION")
                .param("subject.INSTITUTION_CONSTRUCTION", Long.toString(home)).param("asOf", "2026-05-01"));
        assertThat(applied.getStatus()).isEqualTo(302);
        assertThat(applied.getRedirectedUrl()).startsWith("/subsidies/grants/");
        long grant = Long.parseLong(applied.getRedirectedUrl().substring("/subsidies/grants/".length()));

        assertThat(pages.inbox(makerSession, "subsidies.inbox.grants")).isEqualTo(makerBefore);
        assertThat(pages.inbox(checkerSession, "subsidies.inbox.grants")).isEqualTo(checkerBefore + 1);
        assertThat(pages.inbox(ounanSession, "subsidies.inbox.grants")).as("a township clerk approves nothing")
                .isZero();
        Document list = pages.page(checkerSession, pages.inboxLink(checkerSession, "subsidies.inbox.grants"));
        assertThat(list.select("#grants-table").text()).contains("拾光颐养院").contains("钱经办");
        Document detail = pages.page(checkerSession, "/subsidies/grants/" + grant);
        assertThat(detail.select("#grant-prepared-by").text()).isEqualTo("钱经办");
        assertThat(detail.select("#quote-result").text()).contains("元").doesNotContain("CNY")
                .doesNotContain("institution-construction");
        assertThat(MoneyPages.latinWords(detail.selectFirst("main"))).isEmpty();

        // without a choice the form says so in Chinese
        var missing = pages.flash(makerSession, post("/subsidies/grants")
                .param("programme", "INSTITUTION_CONSTRUCTION").param("subject.INSTITUTION_CONSTRUCTION", "")
                .param("asOf", "2026-05-01"));
        assertThat(missing.get("problem")).isEqualTo("请选择申请对象。");

        pages.send(checkerSession, post("/subsidies/grants/" + grant + "/approve")
                .param("confirmation", detail.select("#grant-approve input[name=confirmation]").val()));
        assertThat(pages.inbox(checkerSession, "subsidies.inbox.grants")).isEqualTo(checkerBefore);
        // a township outside the grant's sees nothing of it
        MockHttpServletResponse foreign = pages.get(ounanSession, "/subsidies/grants/" + grant, "zh-CN");
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(foreign.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("拾光颐养院")
                .contains("未找到或无权查看");
    }

    @Test
    void theRunPagePagesItsLinesAndTheChangeListPagesFiltersAndExportsWithMaskedIdNumbers() throws Exception {
        long elder = turningNinety("钟九旬");
        JsonNode april = elderlyRuns();
        long run = april.get("id").asLong();
        String clerk = pages.civilAffairsClerk("冯核对");
        MockHttpSession session = pages.login(clerk);

        Document first = pages.page(session, "/subsidies/runs/" + run + "?size=20");
        assertThat(first.select("#line-table tbody tr")).hasSizeLessThanOrEqualTo(20);
        assertThat(first.select(".pager-summary").text()).contains("共");
        Document second = pages.page(session, "/subsidies/runs/" + run + "?size=20&page=1");
        assertThat(second.select("#line-table tbody tr").eachText()).doesNotContainAnyElementsOf(
                first.select("#line-table tbody tr").eachText());
        assertThat(pages.get(session, "/subsidies/runs/" + run + "?size=201", "zh-CN").getStatus()).isEqualTo(400);
        assertThat(pages.get(session, "/subsidies/runs/" + run + "?kind=NOPE", "zh-CN").getStatus()).isEqualTo(400);

        Document changes = pages.page(session, "/subsidies/runs/" + run + "/changes?change=ADDED&reason=AGE_90");
        assertThat(changes.select("#change-list tbody tr")).hasSizeLessThanOrEqualTo(50);
        assertThat(changes.select(".pager-summary").text()).contains("共");
        long added = jdbc.sql("select count(*) from subsidies.run_change where run_id = :r and change = 'ADDED' "
                + "and reason = 'AGE_90'").param("r", run).query(Long.class).single();
        assertThat(changes.select(".pager-summary").text()).contains(Long.toString(added));
        if (added <= 50) {
            assertThat(changes.select("#change-list").text()).contains("钟九旬").contains("90 周岁及以上");
        }
        assertThat(MoneyPages.latinWords(changes.selectFirst("main"))).isEmpty();

        long before = jdbc.sql("select count(*) from audit.audit_event where type = 'LIST_EXPORTED'")
                .query(Long.class).single();
        MockHttpServletResponse export = pages.get(session, "/subsidies/runs/" + run
                + "/changes/export?change=ADDED&reason=AGE_90", "zh-CN");
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentType()).contains("spreadsheetml");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) added);
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && "钟九旬".equals(row.getCell(1).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(2).getStringCellValue()).contains("*");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("90 周岁及以上");
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'LIST_EXPORTED'")
                .query(Long.class).single()).isEqualTo(before + 1);
        assertThat(elder).isPositive();
    }

    @Test
    void aLineSaysWhyInChineseSentencesAndInEnglishWithoutChinese() throws Exception {
        long elder = turningNinety("秦答案");
        long run = elderlyRuns().get("id").asLong();
        long line = jdbc.sql("select id from subsidies.run_line where run_id = :r and subject_id = :p")
                .param("r", run).param("p", elder).query(Long.class).single();
        MockHttpSession session = pages.login(pages.civilAffairsClerk("韩查看"));
        Document chinese = pages.page(session, "/subsidies/runs/" + run + "/lines/" + line);
        Element why = chinese.selectFirst("#line-why");
        assertThat(why.text()).contains("90 周岁").contains("1952-04-10 出生").contains("养老服务补贴");
        assertThat(MoneyPages.latinWords(chinese.selectFirst("main"))).isEmpty();
        assertThat(chinese.select("#line-rates").text()).contains("养老服务补贴（能力完好）").contains("元/人/月")
                .doesNotContain("elderly-service-subsidy");
        assertThat(chinese.text()).doesNotContain("2,0");

        Document english = pages.page(session, "/subsidies/runs/" + run + "/lines/" + line, "en");
        assertThat(english.selectFirst("#line-why").text()).contains("Aged 90").contains("born 1952-04-10");
        assertThat(MoneyPages.hasChinese(english.selectFirst("#line-why").text())).isFalse();
        assertThat(MoneyPages.hasChinese(english.select("#line-facts").text())).isFalse();
        assertThat(MoneyPages.hasChinese(english.select("#line-rates td:lt(2)").text())).isFalse();
    }

    @Test
    void aQuoteForAPersonChosenWithThePickerNamesThePersonAndExplainsInWords() throws Exception {
        long elder = fixtures.person("柳测算", LocalDate.of(1950, 3, 3), true, "NONE");
        MockHttpSession session = pages.login(pages.civilAffairsClerk("罗测算"));
        MockHttpServletResponse answer = pages.send(session, post("/subsidies/quote")
                .param("programme", "ELDERLY_SERVICE_SUBSIDY").param("asOf", "2026-05-01")
                .param("subject.ELDERLY_SERVICE_SUBSIDY", Long.toString(elder))
                .param("f.ELDERLY_SERVICE_SUBSIDY.localHukou", "true")
                .param("f.ELDERLY_SERVICE_SUBSIDY.economicStatus", "NONE"));
        Document page = org.jsoup.Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#quote-subject").text()).contains("柳测算");
        assertThat(page.select("#quote-verdict").text()).isEqualTo("不能享受");
        assertThat(page.select("#quote-reasons").text()).contains("经济状况为“无”").contains("76 周岁")
                .doesNotContain("NONE");
        assertThat(MoneyPages.latinWords(page.selectFirst("main"))).isEmpty();

        MockHttpServletResponse english = mvc.perform(post("/subsidies/quote").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("programme", "ELDERLY_SERVICE_SUBSIDY")
                .param("asOf", "2026-05-01").param("subject.ELDERLY_SERVICE_SUBSIDY", Long.toString(elder)))
                .andReturn().getResponse();
        String reasons = org.jsoup.Jsoup.parse(english.getContentAsString(StandardCharsets.UTF_8))
                .select("#quote-reasons").text();
        assertThat(reasons).isNotBlank();
        assertThat(MoneyPages.hasChinese(reasons)).isFalse();
    }

    @Test
    void recordsThatAreMissingOrOfAnotherTownshipAreNotFoundAndNameNobody() throws Exception {
        long elder = turningNinety("魏隐私");
        long run = elderlyRuns().get("id").asLong();
        long line = jdbc.sql("select id from subsidies.run_line where run_id = :r and subject_id = :p")
                .param("r", run).param("p", elder).query(Long.class).single();
        MockHttpSession ounan = pages.login(pages.account("TOWNSHIP_STAFF", PlatformTest.OUNAN, null, "陶瓯南"));
        MockHttpSession county = pages.login(pages.civilAffairsClerk("许县级"));
        for (String path : java.util.List.of("/subsidies/runs/" + run + "/lines/" + line,
                "/subsidies/persons/" + elder + "/tab")) {
            MockHttpServletResponse response = pages.get(ounan, path, "zh-CN");
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).doesNotContain("魏隐私")
                    .contains("未找到或无权查看");
        }
        assertThat(pages.get(county, "/subsidies/runs/" + run + "/lines/" + line, "zh-CN").getStatus())
                .isEqualTo(200);
        for (String path : java.util.List.of("/subsidies/runs/999999999", "/subsidies/runs/999999999/progress",
                "/subsidies/runs/999999999/changes", "/subsidies/runs/999999999/changes/export",
                "/subsidies/runs/" + run + "/lines/999999999", "/subsidies/runs/999999999/lines/" + line,
                "/subsidies/grants/999999999", "/subsidies/persons/999999999/tab")) {
            MockHttpServletResponse response = pages.get(county, path, "zh-CN");
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).contains("未找到或无权查看");
        }
        for (String path : java.util.List.of("/subsidies/runs/999999999/approve", "/subsidies/runs/999999999/rerun",
                "/subsidies/grants/999999999/approve", "/subsidies/grants/999999999/reject")) {
            assertThat(pages.send(county, post(path).param("note", "不符合")).getStatus()).as(path).isEqualTo(404);
        }
    }
}
