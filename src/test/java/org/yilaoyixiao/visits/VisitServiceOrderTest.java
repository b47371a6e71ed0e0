package org.yilaoyixiao.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.support.PlatformTest;

/**
 * Work flows on from a visit (issue 19): a need found on a visit becomes one service order, whatever is sent or
 * delivered twice, and the visit's page shows it; an urgent finding plans the follow-up visit of decision 0019.
 */
@PlatformTest
class VisitServiceOrderTest {

    private static final String MEAL_NEED = """
            {"HEALTH":{"concern":true,"note":"腿脚不便，无人做饭","raise":"SERVICE_NEED","service":"MEALS"},
             "LIVING":{"concern":false},"SAFETY":{"concern":false},"MENTAL":{"concern":false},
             "NEEDS":{"concern":false}}""";

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

    @Autowired
    ApplicationContext context;

    @Test
    void aMealNeedRaisesOneOrderShownOnTheVisit() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        String village = fx.freshVillage();
        long elder = fx.elder("助餐需求", village, "MINIMUM_LIVING", "LIVING_ALONE");
        String at = OffsetDateTime.now(clock).minusHours(1).withNano(0).toString();
        String body = VisitFixtures.visit(elder, at, "HOME", VisitFixtures.key(), MEAL_NEED);
        long visit = fx.body(fx.send(post("/api/v1/visits"), body).andExpect(status().isCreated()))
                .get("id").asLong();
        String key = ServiceNeedRaised.orderKey(visit, "HEALTH");

        Map<String, Object> order = awaitOrder(key);
        assertThat(order.get("person_id")).isEqualTo(elder);
        assertThat(order.get("category")).isEqualTo("MEALS");
        assertThat(order.get("channel")).isEqualTo("VISIT_FINDING");
        assertThat(order.get("status")).isEqualTo("NEW");
        assertThat(order.get("division_code")).isEqualTo(village);

        // the phone sends the same visit again (a retry, or an offline draft sent twice): the same visit, no order more
        fx.send(post("/api/v1/visits"), body).andExpect(status().isOk());
        // the event delivered again (the publication registry resubmits an incomplete one): still one order
        Object listener = context.getBean("visitFindingOrders");
        ReflectionTestUtils.invokeMethod(listener, "on", new ServiceNeedRaised(visit, elder, village, "HEALTH",
                "MEALS", "腿脚不便，无人做饭", Instant.now(), "admin"));
        assertThat(ordersOf(elder)).isEqualTo(1);

        String page = page("/visits/" + visit).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/services/orders/" + order.get("id")).contains("待派单").contains("送餐上门");
    }

    @Test
    void aNeedTheMenuCannotServeStaysAFindingAndSaysSo() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        String village = fx.freshVillage();
        long elder = fx.elder("其他需求", village, "MINIMUM_LIVING", "LIVING_ALONE");
        String at = OffsetDateTime.now(clock).minusHours(1).withNano(0).toString();
        long visit = fx.body(fx.send(post("/api/v1/visits"), VisitFixtures.visit(elder, at, "HOME",
                VisitFixtures.key(), MEAL_NEED.replace("\"MEALS\"", "\"OTHER\""))).andExpect(status().isCreated()))
                .get("id").asLong();
        String page = page("/visits/" + visit).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未生成服务单");
        assertThat(ordersOf(elder)).isZero();
    }

    @Test
    void anUrgentFindingPlansAFollowUpVisitWithin24HoursAndListsTheAlert() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        String village = fx.freshVillage();
        long elder = fx.elder("紧急情况", village, "EXTREME_POVERTY", "LIVING_ALONE");
        String at = OffsetDateTime.now(clock).minusHours(2).withNano(0).toString();
        fx.send(post("/api/v1/visits"), VisitFixtures.visit(elder, at, "HOME", VisitFixtures.key(), """
                {"HEALTH":{"concern":false},"LIVING":{"concern":true,"note":"冬天无取暖","raise":"URGENT_ALERT"},
                 "SAFETY":{"concern":false},"MENTAL":{"concern":false},"NEEDS":{"concern":false}}"""))
                .andExpect(status().isCreated());

        List<Instant> due = jdbc.sql("select due_at from visits.task where person_id = :p and kind = 'FOLLOW_UP'"
                        + " and status = 'OPEN'").param("p", elder)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
        assertThat(due).containsExactly(OffsetDateTime.parse(at).toInstant().plus(Duration.ofHours(24)));
        assertThat(jdbc.sql("select kind from visits.major_event where person_id = :p").param("p", elder)
                .query(String.class).list()).containsExactly("ALERT");
        String supervision = page("/visits/supervision?division=" + village).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(supervision).contains("紧急情况").contains("紧急预警");
    }

    @Test
    void aPhotoUploadedTwiceUnderItsKeyIsStoredOnce() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        String village = fx.freshVillage();
        long elder = fx.elder("照片重传", village, "MINIMUM_LIVING", "LIVING_ALONE");
        String at = OffsetDateTime.now(clock).minusHours(1).withNano(0).toString();
        long visit = fx.body(fx.record(elder, at).andExpect(status().isCreated())).get("id").asLong();
        MockHttpSession session = login();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        String key = VisitFixtures.key();
        for (int expected : new int[]{201, 200}) {
            mvc.perform(multipart("/visits/field/" + visit + "/photos")
                            .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", jpeg)).param("key", key)
                            .session(session).with(csrf()))
                    .andExpect(status().is(expected));
        }
        assertThat(jdbc.sql("select count(*) from visits.photo where visit_id = :v").param("v", visit)
                .query(Long.class).single()).isEqualTo(1);
        // the key of one visit's photo cannot add a photo to another visit
        long other = fx.body(fx.record(elder, OffsetDateTime.now(clock).minusHours(3).withNano(0).toString())
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(multipart("/visits/field/" + other + "/photos")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", jpeg)).param("key", key)
                        .session(session).with(csrf()))
                .andExpect(status().isConflict());
    }

    private MockHttpSession login() throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn().getRequest()
                .getSession(false);
    }

    private org.springframework.test.web.servlet.ResultActions page(String path) throws Exception {
        return mvc.perform(get(path).session(login()).header("Accept-Language", "zh-CN"));
    }

    private Map<String, Object> awaitOrder(String key) throws InterruptedException {
        // the order is raised after the visit commits, on another thread: wait for it, however long it takes here
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var found = jdbc.sql("select id, person_id, category, channel, status, division_code "
                    + "from services.service_order where idempotency_key = :k").param("k", key).query().listOfRows();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no order raised under " + key);
    }

    private long ordersOf(long person) {
        return jdbc.sql("select count(*) from services.service_order where person_id = :p").param("p", person)
                .query(Long.class).single();
    }
}
