package org.yilaoyixiao.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The plan registry of 附件1: exact totals, progress updates, and delivered beds becoming facility capacity. */
@PlatformTest
class PlanRegistryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private ResultActions admin(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
                .content(body == null ? "" : body));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theProjectsOfAnnexOneAddUpExactly() throws Exception {
        JsonNode list = body(admin(get("/api/v1/plan/projects"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.ELDERLY").value(121082))
                .andExpect(jsonPath("$.totals.CHILDCARE").value(20000)));
        BigDecimal elderly = BigDecimal.ZERO;
        BigDecimal childcare = BigDecimal.ZERO;
        int elderlyCount = 0;
        int childcareCount = 0;
        for (JsonNode item : list.get("items")) {
            if (item.get("category").asText().equals("ELDERLY")) {
                elderly = elderly.add(item.get("investment").decimalValue());
                elderlyCount++;
            } else {
                childcare = childcare.add(item.get("investment").decimalValue());
                childcareCount++;
            }
        }
        assertThat(elderlyCount).isEqualTo(9);
        assertThat(childcareCount).isEqualTo(3);
        assertThat(elderly).isEqualByComparingTo("121082");
        assertThat(childcare).isEqualByComparingTo("20000");
        assertThat(list.get("items").get(6).get("name").asText()).isEqualTo("青田县山口镇大田养生养老基地");
        assertThat(list.get("items").get(6).get("investment").decimalValue()).isEqualByComparingTo("50000");
        assertThat(body(admin(get("/api/v1/plan/items"), null)).size()).isEqualTo(10);
    }

    @Test
    void aCompletedProjectsBedsBecomeAnInstitutionsCapacityOnce() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long institution = fixtures.institution(Accounts.unique("规划转能力"), 10, 5);
        // not completed yet: refused
        admin(post("/api/v1/plan/projects/E5/capacity"), "{\"institutionId\":%d,\"bedType\":\"NURSING\"}"
                .formatted(institution)).andExpect(status().isConflict());
        String bureau = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        mvc.perform(post("/api/v1/plan/projects/E5/progress").with(httpBasic(bureau, Accounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"reportedOn":"2023-01-15","status":"COMPLETED","percentComplete":100,
                                 "investedToDate":1200,"bedsDelivered":69,"attachments":["竣工验收报告.pdf"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0]").value("竣工验收报告.pdf"));
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'PLAN_PROJECT_PROGRESS'"
                + " and actor = :a").param("a", bureau).query(Long.class).single()).isEqualTo(1);
        admin(get("/api/v1/plan/projects/E5"), null).andExpect(jsonPath("$.project.status").value("COMPLETED"))
                .andExpect(jsonPath("$.project.bedsDelivered").value(69))
                .andExpect(jsonPath("$.progress[0].recordedBy").value(bureau));

        admin(post("/api/v1/plan/projects/E5/capacity"), "{\"institutionId\":%d,\"bedType\":\"NURSING\"}"
                .formatted(institution)).andExpect(status().isOk())
                .andExpect(jsonPath("$.capacityConversion.amount").value(69));
        assertThat(jdbc.sql("select nursing_beds from facilities.published_institution where id = :id")
                .param("id", institution).query(Integer.class).single()).isEqualTo(79);
        // once only
        admin(post("/api/v1/plan/projects/E5/capacity"), "{\"institutionId\":%d,\"bedType\":\"NURSING\"}"
                .formatted(institution)).andExpect(status().isConflict());
        assertThat(jdbc.sql("select nursing_beds from facilities.published_institution where id = :id")
                .param("id", institution).query(Integer.class).single()).isEqualTo(79);
    }

    @Test
    void theRegistryPageShowsTheProjectsAndTheirTotals() throws Exception {
        MvcResult login = mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                        .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        String html = mvc.perform(get("/plan/projects").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#project-table tbody tr")).hasSize(12);
        assertThat(page.select("#plan-totals").text()).contains("121,082", "20,000");
        assertThat(page.select("#project-table tr[data-code=E2]").text()).contains("青田县养老中心", "19,682", "在建");
        assertThat(page.select("#plan-items li")).hasSize(10);

        // progress from the page: refused with the field named, then recorded
        mvc.perform(post("/plan/projects/progress").session(session).with(csrf()).param("code", "C3")
                        .param("status", "UNDER_CONSTRUCTION").param("percentComplete", "140").param("investedToDate", "10"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("完成百分比应在0至100之间")));
        mvc.perform(post("/plan/projects/progress").session(session).with(csrf()).param("code", "C3")
                        .param("status", "UNDER_CONSTRUCTION").param("percentComplete", "40")
                        .param("investedToDate", "2200").param("attachments", "进度照片.jpg，监理月报.pdf"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/plan/projects"));
        admin(get("/api/v1/plan/projects/C3"), null).andExpect(jsonPath("$.project.percentComplete").value(40))
                .andExpect(jsonPath("$.project.investedToDate").value(2200))
                .andExpect(jsonPath("$.progress[0].attachments[1]").value("监理月报.pdf"));

        // a project not completed cannot become capacity: the page says why
        mvc.perform(post("/plan/projects/capacity").session(session).with(csrf()).param("code", "C3")
                        .param("facilityId", "1"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("尚未竣工")));
        // a completed childcare project's places go to a provider
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long provider = fixtures.provider(Accounts.unique("新园"), 20, "[{\"type\":\"TODDLER\",\"capacity\":15}]")
                .get("id").asLong();
        mvc.perform(post("/plan/projects/progress").session(session).with(csrf()).param("code", "C2")
                        .param("status", "COMPLETED").param("percentComplete", "100").param("investedToDate", "6000")
                        .param("placesDelivered", "450"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/plan/projects"));
        mvc.perform(post("/plan/projects/capacity").session(session).with(csrf()).param("code", "C2")
                        .param("facilityId", String.valueOf(provider)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/plan/projects"));
        assertThat(jdbc.sql("select approved_slots from facilities.published_childcare_provider where id = :id")
                .param("id", provider).query(Integer.class).single()).isEqualTo(470);
    }

    @Test
    void progressIsValidatedFieldByField() throws Exception {
        admin(post("/api/v1/plan/projects/C2/progress"), """
                {"status":"DONE","percentComplete":140,"investedToDate":-1}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'status')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'percentComplete')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'investedToDate')]").exists());
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(post("/api/v1/plan/projects/C2/progress").with(httpBasic(clerk, Accounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownProjectIsNotFoundFromThePage() throws Exception {
        org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) mvc
                .perform(post("/login").param("username", PlatformTest.ADMIN)
                        .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf()))
                .andReturn().getRequest().getSession(false);
        mvc.perform(post("/plan/projects/progress").session(session).with(csrf()).param("code", "NOPE")
                .param("status", "COMPLETED")).andExpect(status().isNotFound());
        mvc.perform(post("/plan/projects/capacity").session(session).with(csrf()).param("code", "NOPE"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/plan/projects/progress").session(session).with(csrf()).param("code", "C3")
                .param("percentComplete", "many")).andExpect(status().isBadRequest());
    }
}
