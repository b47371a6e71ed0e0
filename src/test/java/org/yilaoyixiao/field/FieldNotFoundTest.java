package org.yilaoyixiao.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.services.ServicesFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.visits.VisitFixtures;

/**
 * Every record route of the field modules (orders, visits, visit photos and tasks, alerts, love cards, volunteers,
 * activities, courses, person tabs), as a page and as an htmx partial or form post: a missing record and one of
 * another township both answer 404 "未找到或无权查看", naming nobody — never a 500.
 */
@PlatformTest
class FieldNotFoundTest {

    private static final long MISSING = 999_999_999L;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void missingAndForeignRecordsAreNotFoundAndNameNobody() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        ServicesFixtures services = new ServicesFixtures(mvc, json);
        FieldSessions web = new FieldSessions(mvc);
        // 鹤城街道's elder, with an order, a visit and an alert; the clerk and the butler are of 瓯南街道
        String name = "域外老人" + System.nanoTime() % 10_000;
        long elder = services.elder(name);
        long order = services.newOrder(elder, services.item("CLEAN-HOME"));
        long visit = fx.body(fx.send(post("/api/v1/visits"), VisitFixtures.visit(elder,
                java.time.OffsetDateTime.now(clock).minusHours(1).withNano(0).toString(),
                "HOME", VisitFixtures.key(), null)).andExpect(status().isCreated())).get("id").asLong();
        long alert = jdbc.sql("""
                insert into guardian.alert (person_id, division_code, type, status, opened_at, last_triggered_at,
                    details)
                values (:p, :d, 'FALL', 'OPEN', now(), now(), 'fall detected by test') returning id
                """).param("p", elder).param("d", ServicesFixtures.VILLAGE).query(Long.class).single();
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        String butler = Accounts.create(mvc, "BUTLER", PlatformTest.OUNAN);
        MockHttpSession desk = web.logIn(clerk, Accounts.PASSWORD);
        MockHttpSession phone = web.logIn(butler, Accounts.PASSWORD);

        Map<String, MockHttpServletRequestBuilder> foreign = new LinkedHashMap<>();
        foreign.put("order", get("/services/orders/" + order));
        foreign.put("order action", post("/services/orders/" + order + "/cancel").param("reason", "测试"));
        foreign.put("visit", get("/visits/" + visit));
        foreign.put("visit record form", get("/visits/persons/" + elder + "/record"));
        foreign.put("visits tab", get("/visits/persons/" + elder + "/tab").header("HX-Request", "true"));
        foreign.put("alert", get("/guardian/alerts/" + alert));
        foreign.put("alert acknowledge", post("/guardian/alerts/" + alert + "/acknowledge")
                .header("HX-Request", "true"));
        foreign.put("guardian tab", get("/guardian/persons/" + elder + "/tab").header("HX-Request", "true"));
        foreign.put("routine", get("/guardian/persons/" + elder + "/routine"));
        foreign.put("love card", get("/love-cards/" + elder));
        foreign.put("love card tab", get("/love-cards/persons/" + elder + "/tab").header("HX-Request", "true"));
        foreign.put("time bank tab", get("/timebank/persons/" + elder + "/tab").header("HX-Request", "true"));
        foreign.put("volunteer", get("/timebank/volunteers/" + elder));
        for (Map.Entry<String, MockHttpServletRequestBuilder> route : foreign.entrySet()) {
            MockHttpServletResponse response = mvc.perform(route.getValue().session(desk).with(csrf())
                    .header("Accept-Language", "zh-CN")).andReturn().getResponse();
            assertThat(response.getStatus()).as(route.getKey()).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(route.getKey())
                    .doesNotContain(name).contains("未找到或无权查看");
        }
        // the butler's phone: another township's order and visit task are not theirs either
        long task = jdbc.sql("select id from visits.task where person_id is not null and division_code like :d"
                        + " order by id limit 1").param("d", PlatformTest.HECHENG + "%").query(Long.class)
                .optional().orElse(MISSING);
        for (MockHttpServletRequestBuilder request : List.of(
                post("/services/tasks/" + order + "/accept").header("HX-Request", "true"),
                get("/visits/tasks/" + task + "/record"))) {
            MockHttpServletResponse response = mvc.perform(request.session(phone).with(csrf())
                    .header("Accept-Language", "zh-CN")).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(name);
        }

        for (String path : List.of("/services/orders/" + MISSING, "/visits/" + MISSING, "/visits/photos/" + MISSING,
                "/visits/tasks/" + MISSING + "/record", "/visits/persons/" + MISSING + "/record",
                "/visits/persons/" + MISSING + "/tab", "/guardian/alerts/" + MISSING,
                "/guardian/persons/" + MISSING + "/tab", "/guardian/persons/" + MISSING + "/routine",
                "/love-cards/" + MISSING, "/love-cards/persons/" + MISSING + "/tab",
                "/timebank/volunteers/" + MISSING, "/timebank/activities/" + MISSING,
                "/timebank/courses/" + MISSING, "/timebank/persons/" + MISSING + "/tab")) {
            MockHttpServletResponse response = mvc.perform(get(path).session(desk)
                    .header("Accept-Language", "zh-CN")).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).contains("未找到或无权查看");
        }
        for (String path : List.of("/services/orders/" + MISSING + "/dispatch",
                "/guardian/alerts/" + MISSING + "/resolve", "/timebank/activities/" + MISSING + "/confirmation",
                "/love-cards/" + MISSING + "/top-ups")) {
            MockHttpServletResponse response = mvc.perform(post(path).session(desk).with(csrf())
                    .param("source", "GOVERNMENT").param("reference", "测试").param("idempotencyKey", "k-" + path)
                    .header("HX-Request", "true").header("Accept-Language", "zh-CN")).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isIn(403, 404);
        }
    }
}
