package org.yilaoyixiao.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class OrderApiTest {

    /** Every action with a body that would be valid where the action is legal. */
    static final Map<String, String[]> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("DISPATCH", new String[] {"dispatch", null});
        ACTIONS.put("ACCEPT", new String[] {"accept", "{}"});
        ACTIONS.put("CHECK_IN", new String[] {"check-in", "{}"});
        ACTIONS.put("CHECK_OUT", new String[] {"check-out", "{}"});
        ACTIONS.put("EVALUATE", new String[] {"evaluate", "{\"stars\":4,\"by\":\"ELDER\",\"comment\":\"好\"}"});
        ACTIONS.put("COMPLAIN", new String[] {"complaints", "{\"text\":\"来晚了\"}"});
        ACTIONS.put("SPOT_CHECK", new String[] {"spot-check", "{\"result\":\"PASSED\"}"});
        ACTIONS.put("REWORK", new String[] {"rework", "{\"reason\":\"未打扫厨房\"}"});
        ACTIONS.put("CANCEL", new String[] {"cancel", "{\"reason\":\"老人住院\"}"});
    }

    /** The legal pairs (state action); the supervisor (admin) may also void delivered orders. */
    static final List<String> LEGAL = List.of("NEW DISPATCH", "DISPATCHED DISPATCH", "DISPATCHED ACCEPT",
            "ACCEPTED CHECK_IN", "REWORK CHECK_IN", "IN_SERVICE CHECK_OUT", "COMPLETED EVALUATE",
            "COMPLETED COMPLAIN", "EVALUATED COMPLAIN", "COMPLETED SPOT_CHECK", "EVALUATED SPOT_CHECK",
            "COMPLETED REWORK", "EVALUATED REWORK", "NEW CANCEL", "DISPATCHED CANCEL", "ACCEPTED CANCEL",
            "COMPLETED CANCEL", "EVALUATED CANCEL", "REWORK CANCEL");

    static final List<String> STATES = List.of("NEW", "DISPATCHED", "ACCEPTED", "IN_SERVICE", "COMPLETED",
            "EVALUATED", "REWORK", "CANCELLED");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderEventsProbe probe;

    ServicesFixtures fixtures;
    String butler;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ServicesFixtures(mvc, json);
        butler = fixtures.butler(PlatformTest.HECHENG, ServicesFixtures.VILLAGE, "[\"CLEANING\",\"MEDICAL\"]");
    }

    private String dispatchBody() {
        return "{\"butler\":\"" + butler + "\"}";
    }

    private void perform(long order, String action) throws Exception {
        String[] spec = ACTIONS.get(action);
        fixtures.act(order, spec[0], spec[1] == null ? dispatchBody() : spec[1]).andExpect(status().isOk());
    }

    /** A new order driven to the state through legal transitions. */
    private long orderIn(String state, long person, long item) throws Exception {
        long order = fixtures.newOrder(person, item);
        List<String> path = switch (state) {
            case "NEW" -> List.of();
            case "DISPATCHED" -> List.of("DISPATCH");
            case "ACCEPTED" -> List.of("DISPATCH", "ACCEPT");
            case "IN_SERVICE" -> List.of("DISPATCH", "ACCEPT", "CHECK_IN");
            case "COMPLETED" -> List.of("DISPATCH", "ACCEPT", "CHECK_IN", "CHECK_OUT");
            case "EVALUATED" -> List.of("DISPATCH", "ACCEPT", "CHECK_IN", "CHECK_OUT", "EVALUATE");
            case "REWORK" -> List.of("DISPATCH", "ACCEPT", "CHECK_IN", "CHECK_OUT", "REWORK");
            case "CANCELLED" -> List.of("CANCEL");
            default -> throw new IllegalArgumentException(state);
        };
        for (String action : path) {
            perform(order, action);
        }
        assertThat(fixtures.get(order).get("status").asString()).isEqualTo(state);
        return order;
    }

    @Test
    void everyIllegalTransitionIsRefusedWith409AndChangesNothing() throws Exception {
        long person = fixtures.elder("状态机老人");
        long item = fixtures.item("CLEAN-HOME");
        int refused = 0;
        for (String state : STATES) {
            long order = orderIn(state, person, item);
            JsonNode before = fixtures.get(order);
            for (String action : ACTIONS.keySet()) {
                if (LEGAL.contains(state + " " + action)) {
                    continue;
                }
                String[] spec = ACTIONS.get(action);
                fixtures.act(order, spec[0], spec[1] == null ? dispatchBody() : spec[1])
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
                refused++;
            }
            JsonNode after = fixtures.get(order);
            assertThat(after.get("status").asString()).isEqualTo(state);
            assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt());
            assertThat(after.get("history").size()).isEqualTo(before.get("history").size());
        }
        assertThat(refused).isEqualTo(STATES.size() * ACTIONS.size() - LEGAL.size());
    }

    @Test
    void theWholeLoopKeepsItsHistoryAndPaysOnceWithTheOrdersPrice() throws Exception {
        long person = fixtures.elder("全流程老人");
        long item = fixtures.item("CLEAN-HOME");
        String key = UUID.randomUUID().toString();
        JsonNode created = fixtures.body(fixtures.admin(post("/api/v1/orders"), """
                {"personId":%d,"itemId":%d,"requestedFor":"2026-11-29T08:00:00Z","channel":"PHONE",
                 "idempotencyKey":"%s","quantity":3}""".formatted(person, item, key))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("NEW")));
        long order = created.get("id").asLong();
        assertThat(new BigDecimal(created.get("price").asString())).isEqualByComparingTo("105.00");

        perform(order, "DISPATCH");
        perform(order, "ACCEPT");
        fixtures.act(order, "check-in", "{\"latitude\":28.139,\"longitude\":120.289}").andExpect(status().isOk())
                .andExpect(jsonPath("$.checkInLatitude").value(28.139));
        assertThat(probe.completed(order)).isEmpty();
        perform(order, "CHECK_OUT");
        perform(order, "EVALUATE");

        JsonNode done = fixtures.get(order);
        assertThat(done.get("status").asString()).isEqualTo("EVALUATED");
        assertThat(done.get("stars").asInt()).isEqualTo(4);
        List<String> steps = new ArrayList<>();
        done.get("history").forEach(h -> steps.add(h.get("action").asString() + ":" + (h.get("from").isNull() ? "" : h.get("from").asString())
                + ">" + h.get("to").asString() + ":" + h.get("actor").asString()));
        assertThat(steps).containsExactly("CREATE:>NEW:admin", "DISPATCH:NEW>DISPATCHED:admin",
                "ACCEPT:DISPATCHED>ACCEPTED:admin", "CHECK_IN:ACCEPTED>IN_SERVICE:admin",
                "CHECK_OUT:IN_SERVICE>COMPLETED:admin", "EVALUATE:COMPLETED>EVALUATED:admin");

        var completed = probe.completed(order);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).price()).isEqualByComparingTo("105.00");
        assertThat(completed.get(0).personId()).isEqualTo(person);
        assertThat(completed.get(0).category()).isEqualTo("CLEANING");
        assertThat(completed.get(0).itemCode()).isEqualTo("CLEAN-HOME");
        assertThat(completed.get(0).divisionCode()).isEqualTo(ServicesFixtures.VILLAGE);

        // rework: delivered again, not paid again; then voided by the supervisor: refunded as completed
        fixtures.act(order, "rework", "{\"reason\":\"投诉：厨房未打扫\"}").andExpect(status().isOk());
        perform(order, "CHECK_IN");
        perform(order, "CHECK_OUT");
        assertThat(probe.completed(order)).hasSize(1);
        fixtures.act(order, "cancel", "{\"reason\":\"核实未提供服务\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        var cancelled = probe.cancelled(order);
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).wasCompleted()).isTrue();
        assertThat(cancelled.get(0).reason()).isEqualTo("核实未提供服务");
    }

    @Test
    void aCancelBeforeServiceIsNotACompletedOneAndDuringServiceNobodyCancels() throws Exception {
        long person = fixtures.elder("取消老人");
        long item = fixtures.item("MED-CHECK");
        long early = orderIn("ACCEPTED", person, item);
        fixtures.act(early, "cancel", "{}").andExpect(status().isOk());
        assertThat(probe.cancelled(early)).singleElement().satisfies(c -> assertThat(c.wasCompleted()).isFalse());
        assertThat(probe.completed(early)).isEmpty();

        long during = orderIn("IN_SERVICE", person, item);
        fixtures.act(during, "cancel", "{\"reason\":\"x\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"))
                .andExpect(jsonPath("$.detail").value("工单 " + during + " 当前状态为 IN_SERVICE，不能执行“CANCEL”。"));
        assertThat(probe.cancelled(during)).isEmpty();
    }

    @Test
    void aListenerThatThrowsRollsTheTransitionBack() throws Exception {
        long person = fixtures.elder("付款失败老人");
        long order = orderIn("IN_SERVICE", person, fixtures.item("CLEAN-HOME"));
        int version = fixtures.get(order).get("version").asInt();
        probe.refuse(person);
        try {
            fixtures.act(order, "check-out", "{}").andExpect(status().isInternalServerError());
        } finally {
            probe.accept(person);
        }
        JsonNode after = fixtures.get(order);
        assertThat(after.get("status").asString()).isEqualTo("IN_SERVICE");
        assertThat(after.get("version").asInt()).isEqualTo(version);
        assertThat(after.get("checkedOutAt").isNull()).isTrue();
        assertThat(probe.completed(order)).isEmpty();
        // once the payment goes through, the check-out does too, and pays once
        perform(order, "CHECK_OUT");
        assertThat(probe.completed(order)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameOrderAndNeverADuplicate() throws Exception {
        long person = fixtures.elder("幂等老人");
        long item = fixtures.item("MEAL-DELIVERY");
        String key = "intake-" + UUID.randomUUID();
        long first = fixtures.body(fixtures.order(person, item, key).andExpect(status().isCreated())).get("id").asLong();
        fixtures.order(person, item, key).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(first));
        fixtures.order(person, fixtures.item("MED-CHECK"), key).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));

        // ten parallel requests with one new key: one order, one 201, nine 200
        String racing = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> fixtures.order(person, item, racing).andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from services.service_order where idempotency_key in (:a, :b)")
                .param("a", key).param("b", racing).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aTransitionOnAStaleVersionIsAConflictAndOfTwoRacingOnlyOneWins() throws Exception {
        long person = fixtures.elder("并发老人");
        long order = orderIn("NEW", person, fixtures.item("CLEAN-HOME"));
        int version = fixtures.get(order).get("version").asInt();
        fixtures.act(order, "dispatch", "{\"butler\":\"" + butler + "\",\"version\":" + (version + 5) + "}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"));
        perform(order, "DISPATCH");
        // a second client still holding the old version is refused
        fixtures.act(order, "dispatch", "{\"butler\":\"" + butler + "\",\"version\":" + version + "}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"));

        int dispatched = fixtures.get(order).get("version").asInt();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(
                    () -> fixtures.act(order, "accept", "{\"version\":" + dispatched + "}").andReturn().getResponse().getStatus(),
                    () -> fixtures.act(order, "cancel", "{\"version\":" + dispatched + "}").andReturn().getResponse().getStatus());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(fixtures.get(order).get("history").size()).isEqualTo(3);
    }

    @Test
    void voidingADeliveredOrderIsForSupervisorsWithAReason() throws Exception {
        long person = fixtures.elder("作废老人");
        long order = orderIn("COMPLETED", person, fixtures.item("CLEAN-HOME"));
        String township = org.yilaoyixiao.support.Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        fixtures.as(township, org.yilaoyixiao.support.Accounts.PASSWORD, post("/api/v1/orders/" + order + "/cancel"),
                "{\"reason\":\"重复\"}").andExpect(status().isForbidden());
        fixtures.act(order, "cancel", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(fixtures.get(order).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(probe.cancelled(order)).isEmpty();
    }

    @Test
    void anOrderNeedsItsFieldsAndAnItemOfferedWhereTheElderLives() throws Exception {
        fixtures.admin(post("/api/v1/orders"), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idempotencyKey"));
        fixtures.admin(post("/api/v1/orders"), "{\"idempotencyKey\":\"k-" + UUID.randomUUID() + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        // home bathing is offered in 鹤城街道 but not in 温溪镇 (demo availability)
        long inWenxi = fixtures.elderIn("温溪老人", "331121101901");
        fixtures.order(inWenxi, fixtures.item("BATH-HOME"), UUID.randomUUID().toString())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("服务项目“上门助浴”在 "
                        + jdbc.sql("select name from divisions.division where code = '331121101901' limit 1")
                        .query(String.class).single() + " 暂不提供。"));
        fixtures.order(fixtures.elder("鹤城助浴老人"), fixtures.item("BATH-HOME"), UUID.randomUUID().toString())
                .andExpect(status().isCreated());
    }
}
