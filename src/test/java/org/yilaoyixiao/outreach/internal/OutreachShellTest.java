package org.yilaoyixiao.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.exchange.ExchangeFixtures;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.subsidies.MoneyPages;
import org.yilaoyixiao.support.PlatformTest;

/**
 * 政策找人 as a township clerk of 鹤城街道, a clerk of another township and the county bureaus use it (issue 18): the
 * cases waiting for a notice in the inbox (up when found, down when handled, another township's not counted), the
 * worklist paged and filtered by a division chosen with the picker, its Excel copy with masked ID numbers, one case
 * with the rule trace in Chinese sentences (and in English), and another township's case a 404 naming nobody.
 */
@PlatformTest
class OutreachShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutreachScan scan;

    MoneyPages pages;
    ExchangeFixtures fixtures;

    @BeforeEach
    void setUp() {
        pages = new MoneyPages(mvc);
        fixtures = new ExchangeFixtures(mvc, json);
    }

    /** A 92-year-old of 鹤城街道 found by a scan of that one person; returns the person. */
    private ExchangeFixtures.Person found(String name) throws Exception {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        ExchangeFixtures.Person person = fixtures.person(name, today.minusYears(92).minusDays(5), false, "NONE");
        scan.scan(person.id(), "test");
        return person;
    }

    private long caseOf(long person, String programme) {
        return jdbc.sql("select id from outreach.candidate where person_id = :p and programme = :g")
                .param("p", person).param("g", programme).query(Long.class).single();
    }

    private long openCases(long person) {
        return jdbc.sql("select count(*) from outreach.candidate where person_id = :p and current and status = 'OPEN'")
                .param("p", person).query(Long.class).single();
    }

    @Test
    void casesWaitingForANoticeRiseInTheirTownshipsInboxAndFallWhenHandledNotInAnotherTownships() throws Exception {
        MockHttpSession hecheng = pages.login(pages.account("TOWNSHIP_STAFF", PlatformTest.HECHENG, null, "鹤城干事"));
        MockHttpSession ounan = pages.login(pages.account("TOWNSHIP_STAFF", PlatformTest.OUNAN, null, "瓯南干事"));
        MockHttpSession civil = pages.login(pages.civilAffairsClerk("民政干事"));
        MockHttpSession health = pages.login(pages.account("BUREAU_STAFF", PlatformTest.COUNTY, "HEALTH", "卫健干事"));
        long hechengBefore = pages.inbox(hecheng, "outreach.inbox.open");
        long ounanBefore = pages.inbox(ounan, "outreach.inbox.open");
        long civilBefore = pages.inbox(civil, "outreach.inbox.open.ELDERLY_SERVICE_SUBSIDY");
        long healthBefore = pages.inbox(health, "outreach.inbox.open.CHILDCARE_ALLOWANCE");

        ExchangeFixtures.Person elder = found("邹九二");
        long opened = openCases(elder.id());
        assertThat(opened).isPositive();

        assertThat(pages.inbox(hecheng, "outreach.inbox.open")).isEqualTo(hechengBefore + opened);
        assertThat(pages.inbox(ounan, "outreach.inbox.open")).as("another township's").isEqualTo(ounanBefore);
        assertThat(pages.inbox(civil, "outreach.inbox.open.ELDERLY_SERVICE_SUBSIDY")).isEqualTo(civilBefore + 1);
        assertThat(pages.inbox(health, "outreach.inbox.open.CHILDCARE_ALLOWANCE")).isEqualTo(healthBefore);
        assertThat(pages.inbox(health, "outreach.inbox.open.ELDERLY_SERVICE_SUBSIDY")).as("not the 卫健局's")
                .isZero();
        assertThat(pages.inboxLink(hecheng, "outreach.inbox.open")).isEqualTo("/outreach?status=OPEN");
        assertThat(pages.inboxLink(civil, "outreach.inbox.open.ELDERLY_SERVICE_SUBSIDY"))
                .isEqualTo("/outreach?programme=ELDERLY_SERVICE_SUBSIDY&status=OPEN");

        long id = caseOf(elder.id(), "ELDERLY_SERVICE_SUBSIDY");
        MockHttpServletResponse recorded = pages.send(hecheng, post("/outreach/" + id + "/outcome")
                .param("outcome", "APPLIED").param("note", "已到便民服务中心申请"));
        assertThat(recorded.getRedirectedUrl()).isEqualTo("/outreach/" + id);
        assertThat(pages.inbox(hecheng, "outreach.inbox.open")).isEqualTo(hechengBefore + opened - 1);
        Document page = pages.page(hecheng, "/outreach/" + id);
        assertThat(page.select("#case-status").text()).isEqualTo("已申请");
        assertThat(page.select("#case-outcome").text()).contains("鹤城干事");
    }

    @Test
    void theWorklistIsPagedFilteredByADivisionChosenWithThePickerAndExportedWithMaskedIdNumbers()
            throws Exception {
        ExchangeFixtures.Person elder = found("阮名单");
        String clerk = pages.account("TOWNSHIP_STAFF", PlatformTest.HECHENG, null, "名单干事");
        MockHttpSession session = pages.login(clerk);
        // the picker puts the village's code in the hidden field "division"
        String filter = "/outreach?programme=ELDERLY_SERVICE_SUBSIDY&status=OPEN&division=" + ExchangeFixtures.VILLAGE;
        Document list = pages.page(session, filter);
        assertThat(list.select("#outreach-table tbody tr")).hasSizeLessThanOrEqualTo(50);
        assertThat(list.select(".pager-summary").text()).contains("共");
        assertThat(list.select("#outreach-filter input[name=division]").attr("value"))
                .isEqualTo(ExchangeFixtures.VILLAGE);
        long total = jdbc.sql("""
                select count(*) from outreach.candidate where current and status = 'OPEN'
                  and programme = 'ELDERLY_SERVICE_SUBSIDY' and division_code = :d
                """).param("d", ExchangeFixtures.VILLAGE).query(Long.class).single();
        assertThat(list.select(".pager-summary").text()).contains("共 " + total + " 条");
        assertThat(MoneyPages.latinWords(list.selectFirst("main"))).isEmpty();
        Document second = pages.page(session, filter + "&page=1");
        assertThat(second.select(".pager-summary").text()).contains("第 2 /");
        // a division of another township is refused
        assertThat(pages.get(session, "/outreach?division=" + ExchangeFixtures.OTHER_VILLAGE, "zh-CN").getStatus())
                .isEqualTo(403);
        assertThat(pages.get(session, "/outreach?status=NOPE", "zh-CN").getStatus()).isEqualTo(400);

        long before = jdbc.sql("select count(*) from audit.audit_event where type = 'LIST_EXPORTED'")
                .query(Long.class).single();
        MockHttpServletResponse export = pages.get(session, filter.replace("/outreach?", "/outreach/export?"),
                "zh-CN");
        assertThat(export.getStatus()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            boolean seen = false;
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0 && "阮名单".equals(row.getCell(0).getStringCellValue())) {
                    seen = true;
                    assertThat(row.getCell(1).getStringCellValue()).contains("*")
                            .isNotEqualTo(elder.idNumber());
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("养老服务补贴");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("年满 90 周岁");
                }
            }
            assertThat(seen).isTrue();
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo((int) total);
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'LIST_EXPORTED'")
                .query(Long.class).single()).isEqualTo(before + 1);
        // a butler neither sees the worklist nor takes it away
        MockHttpSession butler = pages.login(pages.account("BUTLER", PlatformTest.HECHENG, null, "管家小林"));
        assertThat(pages.get(butler, filter.replace("/outreach?", "/outreach/export?"), "zh-CN").getStatus())
                .isEqualTo(403);
    }

    @Test
    void aCaseExplainsItsRuleTraceInChineseSentencesAndInEnglishWithoutChinese() throws Exception {
        ExchangeFixtures.Person elder = found("田依据");
        long id = caseOf(elder.id(), "ELDERLY_SERVICE_SUBSIDY");
        MockHttpSession session = pages.login(pages.account("TOWNSHIP_STAFF", PlatformTest.HECHENG, null, "依据干事"));
        Document chinese = pages.page(session, "/outreach/" + id);
        String why = chinese.selectFirst("#case-why").text();
        assertThat(why).contains("92 周岁").contains("出生").contains("非本县户籍").contains("经济状况为“无”")
                .contains("符合养老服务补贴的条件（年满 90 周岁）");
        assertThat(MoneyPages.latinWords(chinese.selectFirst("main"))).isEmpty();
        assertThat(chinese.text()).doesNotContain("born on or before").doesNotContain("AGE_90")
                .doesNotContain("{birthDate");

        Document english = pages.page(session, "/outreach/" + id, "en");
        String reason = english.selectFirst("#case-why").text();
        assertThat(reason).contains("aged 92").contains("Meets the conditions");
        assertThat(MoneyPages.hasChinese(reason)).isFalse();
    }

    @Test
    void aCaseOfAnotherTownshipOrNoneIsNotFoundPageLetterAndActionsAlikeAndNamesNobody() throws Exception {
        ExchangeFixtures.Person elder = found("蒋隐私");
        long id = caseOf(elder.id(), "ELDERLY_SERVICE_SUBSIDY");
        MockHttpSession ounan = pages.login(pages.account("TOWNSHIP_STAFF", PlatformTest.OUNAN, null, "瓯南查看"));
        for (String path : List.of("/outreach/" + id, "/outreach/" + id + "/letter", "/outreach/999999999",
                "/outreach/999999999/letter")) {
            MockHttpServletResponse response = pages.get(ounan, path, "zh-CN");
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).doesNotContain("蒋隐私")
                    .contains("未找到或无权查看");
        }
        for (String path : List.of("/outreach/" + id + "/notices", "/outreach/" + id + "/outcome",
                "/outreach/999999999/notices", "/outreach/999999999/outcome")) {
            MockHttpServletResponse response = pages.send(ounan, post(path).param("channel", "LETTER")
                    .param("outcome", "DECLINED"));
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).doesNotContain("蒋隐私");
        }
        assertThat(openCases(elder.id())).as("nothing recorded").isPositive();
        assertThat(jdbc.sql("select count(*) from outreach.notice where candidate_id = :c").param("c", id)
                .query(Long.class).single()).isZero();
    }
}
