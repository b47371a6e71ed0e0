package org.yilaoyixiao.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.ShellPages;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserlessSession;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/**
 * The assessment pages (issue 18): the empty form shows no level, one assessor entered twice is refused in Chinese
 * (form and API) and what was entered stays, the due list is paged with names and filters and exported, the inbox
 * counts the township's reassessments due, and assessments or people outside the scope are not found.
 */
@PlatformTest
class AssessmentShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @Test
    void theEmptyFormShowsNoLevelUntilEveryItemIsScored() throws Exception {
        long elder = new PlacementFixtures(mvc, json).elder("空表评估");
        ShellPages pages = new ShellPages(mvc);
        Document form = pages.page(pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD),
                "/assessment/persons/" + elder + "/new");
        String live = form.selectFirst("#live-level").text();
        assertThat(live).contains("已评 0 / 26 项").doesNotContain("能力").doesNotContain("4");
        assertThat(form.selectFirst("#assessment-form").attr("data-items")).isEqualTo("26");
        assertThat(form.select(".breadcrumb a[href='/persons/" + elder + "']")).hasSize(1);
    }

    @Test
    void oneAssessorEnteredTwiceIsRefusedInChineseAndTheFormKeepsWhatWasEntered() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("同名评估");
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        MockHttpServletRequestBuilder request = post("/assessment/persons/" + elder).session(admin).with(csrf())
                .header("Accept-Language", "zh-CN").param("assessedOn", "2026-03-02").param("reason", "FIRST")
                .param("place", "老人家中").param("assessors", "张评估", " 张 评估 ");
        for (AssessmentItem item : AssessmentItems.standard().all()) {
            request.param("item-" + item.code(), Integer.toString(item.maxScore()));
        }
        Document refused = Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#refusal").text()).contains("两名评估员不能是同一人");
        assertThat(refused.select("#assessment-form input[type=radio][checked]")).hasSize(26);
        assertThat(refused.selectFirst("#place").attr("value")).isEqualTo("老人家中");
        assertThat(refused.selectFirst("#assessor1").attr("value")).isEqualTo("张评估");

        fixtures.send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"2026-03-02","reason":"FIRST","place":"家中","assessors":["李评估","李评估"],
                 "items":%s}
                """.formatted(elder, items())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assessors"))
                .andExpect(jsonPath("$.errors[0].message").value("两名评估员不能是同一人，请填写两位不同的评估员。"));
        assertThat(jdbc.sql("select count(*) from assessment.assessment where person_id = :p").param("p", elder)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDueListIsPagedWithNamesAndFiltersAndExportedWithMaskedNumbers() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        String township = PlacementFixtures.VILLAGE;
        LocalDate assessed = BusinessTime.today(clock).minusMonths(13);
        List<Long> elders = new java.util.ArrayList<>();
        for (int i = 0; i < 55; i++) {
            elders.add(fixtures.elder("分页评估" + (char) ('甲' + i)));
        }
        for (Long elder : elders) {
            jdbc.sql("""
                    insert into assessment.assessment (person_id, division_code, assessed_on, reason, place, assessors,
                        coma, risk_events, subtotal_b1, subtotal_b2, subtotal_b3, subtotal_b4, total_score,
                        initial_level, final_level, created_by)
                    select id, residence_division_code, :on, 'FIRST', '家中', '甲,乙', false, 0, 10, 10, 10, 20, 50,
                        2, 2, 'test' from registry.person where id = :id""")
                    .param("on", assessed).param("id", elder).update();
        }
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document first = pages.page(admin, "/assessment/due?division=" + township + "&level=2");
        assertThat(first.select("#due-table tbody tr")).hasSize(50);
        long total = Long.parseLong(first.select("#due-total").text().replaceAll("[^0-9]", ""));
        assertThat(total).isGreaterThanOrEqualTo(elders.size());
        assertThat(first.select("#due-table tbody tr").first().text()).contains("周岁", "能力中度受损");
        String next = first.selectFirst(".pager-next").attr("href");
        assertThat(next).contains("division=" + township, "level=2", "page=1");
        assertThat(pages.page(admin, next.substring(next.indexOf("/assessment"))).select("#due-table tbody tr"))
                .hasSize((int) Math.min(50, total - 50));
        assertThat(pages.page(admin, "/assessment/due").select("#due-table tbody tr").size())
                .isLessThanOrEqualTo(ShellPages.MAX_ROWS);

        MvcResult export = mvc.perform(get("/assessment/due/export?division=" + township + "&level=2")
                .session(admin).header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                export.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("身份证号（脱敏）");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).contains("********");
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'LIST_EXPORTED'"
                        + " and target = 'assessments-due' and detail like :d")
                .param("d", "%division=" + township + "%rows=" + total).query(Long.class).single())
                .isEqualTo(1);
        MockHttpSession butler = pages.logIn(Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG), Accounts.PASSWORD);
        mvc.perform(get("/assessment/due/export").session(butler)).andExpect(status().isForbidden());
    }

    @Test
    void reassessmentsDueAreInTheClerksInboxForTheirTownshipOnlyUntilDone() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession clerk = pages.logIn(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG),
                Accounts.PASSWORD);
        long before = pages.inboxCount(clerk, "assessment.inbox.due");
        long elsewhere = fixtures.person("瓯南到期", TestIdNumbers.nextElder());
        jdbc.sql("update registry.person set residence_division_code = :v, township_code = :t where id = :id")
                .param("v", ounanVillage()).param("t", PlatformTest.OUNAN).param("id", elsewhere).update();
        assess(fixtures, elsewhere, "2024-02-01");
        assertThat(pages.inboxCount(clerk, "assessment.inbox.due")).isEqualTo(before);

        long elder = fixtures.elder("鹤城到期");
        assess(fixtures, elder, "2024-02-01");
        assertThat(pages.inboxCount(clerk, "assessment.inbox.due")).isEqualTo(before + 1);
        assess(fixtures, elder, BusinessTime.today(clock).toString());
        assertThat(pages.inboxCount(clerk, "assessment.inbox.due")).isEqualTo(before);
        MockHttpSession auditor = pages.logIn(Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY),
                Accounts.PASSWORD);
        assertThat(pages.inboxCount(auditor, "assessment.inbox.due")).isZero();
    }

    @Test
    void assessmentsAndPeopleOutsideTheScopeAreNotFoundOnEveryRoute() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long foreigner = fixtures.person("瓯南评估外人", TestIdNumbers.nextElder());
        long assessment = fixtures.id(assess(fixtures, foreigner, "2026-01-05"));
        jdbc.sql("update registry.person set residence_division_code = :v, township_code = :t where id = :id")
                .param("v", ounanVillage()).param("t", PlatformTest.OUNAN).param("id", foreigner).update();
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(clerk, Accounts.PASSWORD);
        for (String path : List.of("/assessment/" + assessment, "/assessment/999999999",
                "/assessment/persons/" + foreigner + "/tab", "/assessment/persons/" + foreigner + "/new",
                "/assessment/persons/999999999/tab", "/assessment/persons/999999999/new")) {
            ShellPages.notFound(session, path, "瓯南评估外人");
        }
        ShellPages pages = new ShellPages(mvc);
        MockHttpServletRequestBuilder post = post("/assessment/persons/" + foreigner)
                .session(pages.logIn(clerk, Accounts.PASSWORD)).with(csrf()).header("Accept-Language", "zh-CN")
                .param("assessedOn", "2026-03-02").param("reason", "FIRST").param("place", "家中")
                .param("assessors", "甲", "乙");
        for (AssessmentItem item : AssessmentItems.standard().all()) {
            post.param("item-" + item.code(), "0");
        }
        assertThat(mvc.perform(post).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("瓯南评估外人");
    }

    private org.springframework.test.web.servlet.ResultActions assess(PlacementFixtures fixtures, long person,
                                                                      String on) throws Exception {
        return fixtures.send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"%s","reason":"FIRST","place":"家中","assessors":["甲","乙"],"items":%s}
                """.formatted(person, on, items())).andExpect(status().isCreated());
    }

    private static String items() {
        return AssessmentItems.standard().all().stream().map(item -> "\"" + item.code() + "\":" + item.maxScore())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private String ounanVillage() {
        return jdbc.sql("select code from divisions.division where parent_code = :t and valid_to is null"
                        + " order by code limit 1")
                .param("t", PlatformTest.OUNAN).query(String.class).single();
    }
}
