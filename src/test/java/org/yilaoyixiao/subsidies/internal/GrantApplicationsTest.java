package org.yilaoyixiao.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.subsidies.SubsidyFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * One-time subsidies on application: the quote of the real record kept with the application, once per subject,
 * maker-checker, and the year's payment list in xlsx and CSV.
 */
@PlatformTest
class GrantApplicationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    SubsidyFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SubsidyFixtures(mvc, json);
    }

    private long institution(String name, String model) throws Exception {
        var created = fixtures.asAdmin("POST", "/api/v1/institutions", """
                {"name":"%s","divisionCode":"%s","operationModel":"%s","profitType":"NON_PROFIT","kind":"CARE_HOME",
                 "starRating":2,"starRatedOn":"2024-01-01","premises":"OWNED","openedOn":"2023-01-01",
                 "medicalPartnership":false,"smartCareHome":false,
                 "beds":[{"type":"NURSING","approved":12,"cognitive":0},{"type":"ASSISTED","approved":5,"cognitive":0}]}
                """.formatted(name, PlatformTest.HECHENG, model));
        assertThat(created.andReturn().getResponse().getStatus()).isEqualTo(201);
        return fixtures.body(created).get("id").asLong();
    }

    private long provider(String name, String completedOn) throws Exception {
        var created = fixtures.asAdmin("POST", "/api/v1/childcare-providers", """
                {"name":"%s","divisionCode":"%s","kind":"STANDALONE","filed":true,"filedOn":"2025-09-01",
                 "approvedSlots":30,"affordable":true,"premises":"OWNED","classes":[{"type":"TODDLER","capacity":15}]
                 %s}
                """.formatted(name, PlatformTest.HECHENG,
                completedOn == null ? "" : ",\"completedOn\":\"" + completedOn + "\""));
        assertThat(created.andReturn().getResponse().getStatus())
                .as(created.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return fixtures.body(created).get("id").asLong();
    }

    private String apply(String programme, long subject) {
        return "{\"programme\":\"%s\",\"subjectId\":%d,\"asOf\":\"2026-05-01\"}".formatted(programme, subject);
    }

    @Test
    void aConstructionSubsidyIsAppliedForOnceCheckedBySomeoneElseAndListed() throws Exception {
        long home = institution("申请建设补助院", "PRIVATE");
        var applied = fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("INSTITUTION_CONSTRUCTION", home))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                // 12 nursing beds × 11,000 + 5 assisted beds × 8,000 on owned premises
                .andExpect(jsonPath("$.amount").value(172000.0))
                .andExpect(jsonPath("$.quote.lines.length()").value(2))
                .andExpect(jsonPath("$.quote.lines[0].parameter").value("institution-construction.owned.nursing"));
        long id = fixtures.body(applied).get("id").asLong();

        // once per institution: a second application (a resent form too) is refused and stores nothing
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("INSTITUTION_CONSTRUCTION", home))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("只能申请一次")));
        assertThat(jdbc.sql("select count(*) from subsidies.grant_application where subject_id = :s "
                + "and programme = 'INSTITUTION_CONSTRUCTION'").param("s", home).query(Long.class).single()).isOne();

        // maker-checker: the preparer cannot approve, and the refusal is in the audit trail
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants/" + id + "/approve", null).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'SUBSIDY_GRANT_DECISION_REFUSED' "
                + "and target = :t").param("t", "subsidy-grant:" + id).query(Long.class).single()).isOne();
        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/grants/" + id + "/approve", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(checker));
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/grants/" + id + "/approve", null)
                .andExpect(status().isConflict());

        int year = jdbc.sql("select extract(year from decided_at at time zone 'Asia/Shanghai')::int "
                + "from subsidies.grant_application where id = :id").param("id", id).query(Integer.class).single();
        byte[] xlsx = mvc.perform(get("/api/v1/subsidies/grants/payment-list.xlsx").param("year", String.valueOf(year))
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row row = null;
            for (Row r : sheet) {
                if (r.getRowNum() >= 2 && "申请建设补助院".equals(r.getCell(2).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).as("the approved grant is on the payment list").isNotNull();
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("鹤城街道");
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(172000.0);
        }
        String csv = mvc.perform(get("/api/v1/subsidies/grants/payment-list.csv").param("year", String.valueOf(year))
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("\"申请建设补助院\"").contains("172000.00");
    }

    @Test
    void anIneligibleInstitutionIsRefusedWithItsReasonAndARejectedApplicationCanBeMadeAgain() throws Exception {
        long publicHome = institution("公办建设补助院", "PUBLIC");
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("INSTITUTION_CONSTRUCTION", publicHome))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不符合补助条件")));
        // a monthly programme is not applied for
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("INSTITUTION_OPERATING", publicHome))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programme"));

        long home = institution("驳回后重报院", "PRIVATE");
        long first = fixtures.body(fixtures.asAdmin("POST", "/api/v1/subsidies/grants",
                apply("INSTITUTION_CONSTRUCTION", home)).andExpect(status().isCreated())).get("id").asLong();
        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/grants/" + first + "/reject", "{}")
                .andExpect(status().isBadRequest());
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/grants/" + first + "/reject",
                "{\"note\":\"床位核定材料不全\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("INSTITUTION_CONSTRUCTION", home))
                .andExpect(status().isCreated());
    }

    @Test
    void theSlotSubsidyUsesTheProvidersCompletionDate() throws Exception {
        long sameYear = provider("同年建成托育园", "2025-03-01");
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("CHILDCARE_SLOT_CONSTRUCTION", sameYear))
                .andExpect(status().isCreated())
                // 30 approved slots × 2,000
                .andExpect(jsonPath("$.amount").value(60000.0))
                .andExpect(jsonPath("$.quote.facts.completedYear").value(2025));
        long earlier = provider("往年建成托育园", "2023-06-01");
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("CHILDCARE_SLOT_CONSTRUCTION", earlier))
                .andExpect(status().isConflict());
        // a record without its completion date cannot be applied for: the fact is named
        long unknown = provider("未登记建成日期托育园", null);
        fixtures.asAdmin("POST", "/api/v1/subsidies/grants", apply("CHILDCARE_SLOT_CONSTRUCTION", unknown))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.completedYear')]").exists());
        // and a completion date in the future is refused by the provider register
        fixtures.asAdmin("POST", "/api/v1/childcare-providers", """
                {"name":"未来托育园","divisionCode":"%s","kind":"STANDALONE","filed":false,"approvedSlots":10,
                 "affordable":false,"premises":"OWNED","classes":[],"completedOn":"2999-01-01"}
                """.formatted(PlatformTest.HECHENG)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("completedOn"));
    }

    @Test
    void theApplicationPageComputesSubmitsAndShowsTheQuoteKeptWithIt() throws Exception {
        long home = institution("页面申请建设补助院", "PRIVATE");
        var login = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                .param("username", PlatformTest.ADMIN).param("password", PlatformTest.ADMIN_PASSWORD)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);
        String list = mvc.perform(get("/subsidies/grants").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the institution is chosen with the facility picker (no list of every institution on the page)
        assertThat(list).contains("一次性补助申请").contains("grant-apply").contains("/facilities/pick?kind=INSTITUTION")
                .doesNotContain("页面申请建设补助院");
        var submitted = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/subsidies/grants").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("programme", "INSTITUTION_CONSTRUCTION")
                        .param("subject.INSTITUTION_CONSTRUCTION", String.valueOf(home))
                        .param("asOf", "2026-05-01"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = submitted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/subsidies/grants/");
        String detail = mvc.perform(get(location).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the quote as kept: amount, the lines with their parameters and references; the preparer cannot decide
        assertThat(detail).contains("待审核").contains("172,000.00").contains("自有产权护理型床位一次性建设补助")
                .doesNotContain("institution-construction.owned.nursing")
                .contains("丽政发〔2019〕43号").doesNotContain("id=\"grant-approve\"");
        // the same form again is refused in words, nothing stored twice
        var again = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/subsidies/grants").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("programme", "INSTITUTION_CONSTRUCTION")
                        .param("subject.INSTITUTION_CONSTRUCTION", String.valueOf(home)).param("asOf", "2026-05-01"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(again.getFlashMap().get("problem").toString()).contains("只能申请一次");
    }
}
