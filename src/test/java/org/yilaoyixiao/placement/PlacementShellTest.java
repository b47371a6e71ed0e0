package org.yilaoyixiao.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.registry.ShellPages;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserlessSession;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The placement pages as a township clerk uses them (issue 18): admission and enrolment by the ids the person and
 * facility pickers post, the chosen facility's beds and classes, lists paged on the server that keep their filters,
 * the Excel export, the inbox item for deceased elders still in a bed, and 404 for records outside the clerk's scope.
 */
@PlatformTest
class PlacementShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aClerkAdmitsAnElderAndEnrolsAnInfantWithTheIdsThePickersPost() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long home = fixtures.institution("选择器颐养院", 2, 1);
        long elder = fixtures.elder("选择器老人");
        JsonNode provider = fixtures.provider("选择器托育园", 10, "[{\"type\":\"TODDLER\",\"capacity\":5}]");
        long providerId = provider.get("id").asLong();
        long classId = provider.get("classes").get(0).get("id").asLong();
        fixtures.carers(providerId, classId, 2);
        long infant = fixtures.child("选择器宝宝", LocalDate.of(2025, 3, 1));
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession clerk = pages.logIn(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG),
                Accounts.PASSWORD);

        // the form's fields the browser journey drives
        Document form = pages.page(clerk, "/placement/admissions/new");
        assertThat(form.select("#person-picker")).hasSize(1);
        assertThat(form.select("#facility-picker")).hasSize(1);
        assertThat(form.select("#admission-form input[type=hidden][name=personId]")).hasSize(1);
        assertThat(form.select("#admission-form input[type=hidden][name=institutionId]")).hasSize(1);
        assertThat(form.select("#bedType[disabled]")).hasSize(1);
        assertThat(form.select("input[type=number]")).isEmpty();

        // the pickers find them by name and answer with their ids
        assertThat(pages.page(clerk, "/persons/pick?category=ELDER&term=选择器老人")
                .select("[data-pick-value=" + elder + "]")).hasSize(1);
        assertThat(pages.page(clerk, "/facilities/pick?kind=INSTITUTION&term=选择器颐养院")
                .select("[data-pick-value=" + home + "]")).hasSize(1);
        // choosing the institution loads its own beds
        Document beds = pages.page(clerk, "/placement/admissions/beds?institutionId=" + home);
        assertThat(beds.select("#bedType option").eachAttr("value")).containsExactly("NURSING", "ASSISTED");
        assertThat(beds.select("#bedType option").first().text()).contains("核定 2 张", "空余 2 张");

        mvc.perform(post("/placement/admissions").session(clerk).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("personId", Long.toString(elder)).param("institutionId", Long.toString(home))
                        .param("kind", "INSTITUTION").param("bedType", "NURSING").param("from", "2026-03-01"))
                .andExpect(redirectedUrl("/placement/persons/" + elder));
        Document history = pages.page(clerk, "/placement/persons/" + elder);
        assertThat(history.select("#history-table").text()).contains("选择器颐养院", "护理型", "2026-03-01");
        assertThat(history.select(".breadcrumb a[href='/placement']")).hasSize(1);
        assertThat(pages.page(clerk, "/persons/" + elder + "/timeline").select("#timeline-events").text())
                .contains("入住选择器颐养院（护理型床位）", "入住");

        Document classes = pages.page(clerk, "/placement/enrolments/classes?providerId=" + providerId);
        assertThat(classes.select("#classId option").eachAttr("value")).containsExactly(Long.toString(classId));
        assertThat(classes.select("#classId option").text()).contains("班额 5 人", "保育人员 2 人");
        mvc.perform(post("/placement/enrolments").session(clerk).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("personId", Long.toString(infant)).param("providerId", Long.toString(providerId))
                        .param("classId", Long.toString(classId)).param("from", "2026-03-02"))
                .andExpect(redirectedUrl("/placement/enrolments?providerId=" + providerId));
        assertThat(pages.page(clerk, "/placement/enrolments?providerId=" + providerId).select("#enrolment-table")
                .text()).contains("选择器宝宝", "选择器托育园", "托小班");
    }

    @Test
    void aFormSubmittedWithoutChoosingExplainsWhatIsMissingInChinese() throws Exception {
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        String admission = body(mvc.perform(post("/placement/admissions").session(admin).with(csrf())
                .header("Accept-Language", "zh-CN").param("kind", "INSTITUTION").param("from", "2026-03-01"))
                .andExpect(status().isOk()).andReturn());
        assertThat(Jsoup.parse(admission).select("#refusal").text())
                .contains("请选择入住的老人", "请选择养老机构");
        String enrolment = body(mvc.perform(post("/placement/enrolments").session(admin).with(csrf())
                .header("Accept-Language", "zh-CN").param("from", "2026-03-01"))
                .andExpect(status().isOk()).andReturn());
        assertThat(Jsoup.parse(enrolment).select("#refusal").text())
                .contains("请选择入托的幼儿", "请选择托育机构");
    }

    @Test
    void theListPagesOnTheServerKeepsItsFiltersAndExportsToExcel() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long home = fixtures.institution("分页颐养院", 100, 0);
        List<Long> people = jdbc.sql("select id from registry.person where synthetic order by id limit 60")
                .query(Long.class).list();
        for (Long person : people) {
            jdbc.sql("""
                    insert into placement.placement (person_id, kind, institution_id, division_code, bed_type,
                        from_date, to_date, end_reason, created_by)
                    values (:person, 'INSTITUTION', :home, :division, 'NURSING', date '2025-01-01', date '2025-06-30',
                        'DISCHARGED', 'test')
                    """).param("person", person).param("home", home).param("division", PlatformTest.HECHENG)
                    .update();
        }
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);

        String filtered = "/placement?institutionId=" + home + "&status=ENDED&bedType=NURSING";
        Document first = pages.page(admin, filtered);
        assertThat(first.select("#placement-table tbody tr")).hasSize(50);
        assertThat(first.select("#placement-total").text()).contains("共 60 条");
        assertThat(first.select("#placement-table").text()).contains("分页颐养院", "出院（退床）").doesNotContain("DISCHARGED");
        String next = first.selectFirst(".pager-next").attr("href");
        assertThat(next).contains("institutionId=" + home, "status=ENDED", "bedType=NURSING", "page=1");
        assertThat(pages.page(admin, next.substring(next.indexOf("/placement"))).select("#placement-table tbody tr"))
                .hasSize(10);
        // the whole county's current placements, as the 民政局 sees them, never more than a page
        assertThat(pages.page(admin, "/placement?status=ALL").select("#placement-table tbody tr").size())
                .isLessThanOrEqualTo(ShellPages.MAX_ROWS);
        mvc.perform(get("/placement?page=2147483647").session(admin)).andExpect(status().isBadRequest());

        MvcResult export = mvc.perform(get("/placement/export?institutionId=" + home + "&status=ENDED")
                .session(admin).header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                export.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(60);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("身份证号（脱敏）");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).contains("********");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("分页颐养院");
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'LIST_EXPORTED'"
                + " and target = 'placements' and detail like :d").param("d", "%institution=" + home + "%rows=60%")
                .query(Long.class).single()).isEqualTo(1);

        MockHttpSession operator = pages.logIn(Accounts.create(mvc, "INSTITUTION_OPERATOR", PlatformTest.HECHENG),
                Accounts.PASSWORD);
        mvc.perform(get("/placement/export").session(operator)).andExpect(status().isForbidden());
        assertThat(pages.page(operator, "/placement").select("#placement-export")).isEmpty();
    }

    @Test
    void anElderWhoDiedInABedIsADischargeInTheClerksInboxAndOnlyInTheirOwnTownship() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long home = fixtures.institution("身后颐养院", 3, 0);
        long elder = fixtures.elder("身后老人");
        long other = ounanInstitution(fixtures, "瓯南身后颐养院");
        long elsewhere = fixtures.elder("瓯南身后老人");
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession clerk = pages.logIn(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG),
                Accounts.PASSWORD);
        for (long[] stay : new long[][] {{elder, home}, {elsewhere, other}}) {
            fixtures.send(post("/api/v1/placements"), """
                    {"personId":%d,"kind":"INSTITUTION","institutionId":%d,"bedType":"NURSING","from":"2026-02-01"}
                    """.formatted(stay[0], stay[1])).andExpect(status().isCreated());
        }
        long before = pages.inboxCount(clerk, "placement.inbox.deceased");

        died(elsewhere);
        assertThat(pages.inboxCount(clerk, "placement.inbox.deceased")).isEqualTo(before);
        died(elder);
        assertThat(pages.inboxCount(clerk, "placement.inbox.deceased")).isEqualTo(before + 1);
        assertThat(pages.page(clerk, "/placement?deceased=true").select("#placement-table").text())
                .contains("身后老人", "已故").doesNotContain("瓯南身后老人");

        long placement = fixtures.body(fixtures.get("/api/v1/persons/" + elder + "/placements")).get(0).get("id")
                .asLong();
        mvc.perform(post("/placement/placements/" + placement + "/discharge").session(clerk).with(csrf())
                        .param("personId", Long.toString(elder)).param("on", "2026-04-01").param("reason", "去世"))
                .andExpect(redirectedUrl("/placement/persons/" + elder));
        assertThat(pages.inboxCount(clerk, "placement.inbox.deceased")).isEqualTo(before);
    }

    @Test
    void recordsOutsideTheClerksScopeAreNotFoundOnEveryRouteAndNameNobody() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long other = ounanInstitution(fixtures, "瓯南范围颐养院");
        long foreigner = fixtures.person("瓯南范围老人", org.yilaoyixiao.support.TestIdNumbers.nextElder());
        jdbc.sql("update registry.person set residence_division_code = :v, township_code = :t where id = :id")
                .param("v", ounanVillage()).param("t", PlatformTest.OUNAN).param("id", foreigner).update();
        fixtures.send(post("/api/v1/placements"), """
                {"personId":%d,"kind":"INSTITUTION","institutionId":%d,"bedType":"NURSING","from":"2026-02-01"}
                """.formatted(foreigner, other)).andExpect(status().isCreated());
        long placement = fixtures.body(fixtures.get("/api/v1/persons/" + foreigner + "/placements")).get(0)
                .get("id").asLong();
        JsonNode provider = fixtures.send(post("/api/v1/childcare-providers"), """
                {"name":"瓯南范围托育园","divisionCode":"%s","kind":"STANDALONE","filed":false,"approvedSlots":10,
                 "affordable":true,"premises":"OWNED","classes":[{"type":"TODDLER","capacity":5}]}
                """.formatted(PlatformTest.OUNAN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .transform(json::readTree);
        long providerId = provider.get("id").asLong();
        long classId = provider.get("classes").get(0).get("id").asLong();

        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(clerk, Accounts.PASSWORD);
        for (String path : List.of("/placement/persons/" + foreigner, "/placement/persons/999999999",
                "/placement/providers/" + providerId + "/classes", "/placement/providers/999999999/classes")) {
            ShellPages.notFound(session, path, "瓯南范围老人", "瓯南范围托育园");
        }
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession mock = pages.logIn(clerk, Accounts.PASSWORD);
        for (String path : List.of("/placement/placements/" + placement + "/discharge",
                "/placement/placements/999999999/discharge", "/placement/placements/" + placement + "/transfer")) {
            String body = body(mvc.perform(post(path).session(mock).with(csrf()).header("Accept-Language", "zh-CN")
                            .param("personId", Long.toString(foreigner)).param("on", "2026-04-01")
                            .param("institutionId", Long.toString(other)).param("bedType", "NURSING"))
                    .andExpect(status().isNotFound()).andReturn());
            assertThat(body).as(path).doesNotContain("瓯南范围老人");
        }
        mvc.perform(post("/placement/classes/carers").session(mock).with(csrf())
                        .param("providerId", Long.toString(providerId)).param("classId", Long.toString(classId))
                        .param("carers", "3"))
                .andExpect(status().isNotFound());
        // the pickers of the forms never show a name for an id outside the scope
        assertThat(pages.page(mock, "/placement/admissions/new?personId=" + foreigner).select("#person-picker")
                .attr("value")).isEmpty();
    }

    private long ounanInstitution(PlacementFixtures fixtures, String name) throws Exception {
        return fixtures.id(fixtures.send(post("/api/v1/institutions"), """
                {"name":"%s","divisionCode":"%s","operationModel":"PRIVATE","profitType":"NON_PROFIT",
                 "kind":"CARE_HOME","premises":"OWNED","openedOn":"2020-01-01","medicalPartnership":false,
                 "smartCareHome":false,"beds":[{"type":"NURSING","approved":3,"cognitive":0}]}
                """.formatted(name, PlatformTest.OUNAN)));
    }

    private String ounanVillage() {
        return jdbc.sql("select code from divisions.division where parent_code = :t order by code limit 1")
                .param("t", PlatformTest.OUNAN).query(String.class).single();
    }

    private void died(long person) {
        jdbc.sql("update registry.person set status = 'DECEASED', death_date = date '2026-03-15' where id = :id")
                .param("id", person).update();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
