package org.yilaoyixiao.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;

@PlatformTest
class SupervisionAndScopeTest {

    /** A village of 巨浦乡 that only this test uses, so that its draws and breaches are its own. */
    static final String JUPU_VILLAGE = "331121209901";
    static final String JUPU = "331121209";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    ServiceNeeds needs;

    ServicesFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ServicesFixtures(mvc, json);
    }

    private List<Long> ids(JsonNode array, String field) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asLong()));
        return ids;
    }

    private void deliver(long order, String butler) throws Exception {
        fixtures.act(order, "dispatch", "{\"butler\":\"" + butler + "\"}").andExpect(status().isOk());
        fixtures.act(order, "accept", null).andExpect(status().isOk());
        fixtures.act(order, "check-in", null).andExpect(status().isOk());
        fixtures.act(order, "check-out", null).andExpect(status().isOk());
    }

    @Test
    void theMenuHasTheSixCategoriesWithPricesAndProviders() throws Exception {
        JsonNode items = fixtures.body(fixtures.admin(get("/api/v1/service-items"), null).andExpect(status().isOk()));
        List<String> categories = new ArrayList<>();
        items.forEach(i -> categories.add(i.get("category").asString()));
        assertThat(categories).contains("MEALS", "BATHING", "CLEANING", "MOBILITY", "MEDICAL", "EMERGENCY");
        items.forEach(i -> assertThat(i.get("price").decimalValue().signum()).isGreaterThanOrEqualTo(0));
        JsonNode providers = fixtures.body(fixtures.admin(get("/api/v1/service-providers"), null));
        List<String> kinds = new ArrayList<>();
        providers.forEach(p -> kinds.add(p.get("kind").asString()));
        assertThat(kinds).contains("INSTITUTION", "CARE_CENTRE", "BUTLER_TEAM", "CARAVAN");
        JsonNode packages = fixtures.body(fixtures.admin(get("/api/v1/butler-packages"), null));
        assertThat(packages.get(0).get("items").size()).isGreaterThan(0);
    }

    @Test
    void emergenciesLateToStartAreListedAsBreachesOpenOrClosed() throws Exception {
        String butler = fixtures.butler(JUPU, JUPU_VILLAGE, "[\"EMERGENCY\",\"MEALS\"]");
        long person = fixtures.elderIn("超时老人", JUPU_VILLAGE);
        long emergency = fixtures.item("EMG-CALL");
        long open = fixtures.newOrder(person, emergency);
        long lateStart = fixtures.newOrder(person, emergency);
        long onTime = fixtures.newOrder(person, fixtures.item("MEAL-DELIVERY"));
        fixtures.act(onTime, "dispatch", "{\"butler\":\"" + butler + "\"}");
        fixtures.act(onTime, "accept", null);
        fixtures.act(onTime, "check-in", null).andExpect(status().isOk());
        JsonNode none = fixtures.body(fixtures.admin(get("/api/v1/orders/breaches").param("division", JUPU_VILLAGE), null));
        assertThat(ids(none, "orderId")).doesNotContain(open, lateStart, onTime);
        try {
            clock.advance(Duration.ofMinutes(45)); // the emergency target is 30 minutes
            fixtures.act(lateStart, "dispatch", "{\"butler\":\"" + butler + "\"}");
            fixtures.act(lateStart, "accept", null);
            fixtures.act(lateStart, "check-in", null).andExpect(status().isOk());
            JsonNode breaches = fixtures.body(fixtures.admin(get("/api/v1/orders/breaches")
                    .param("division", JUPU_VILLAGE), null).andExpect(status().isOk()));
            assertThat(ids(breaches, "orderId")).contains(open, lateStart).doesNotContain(onTime);
            breaches.forEach(b -> {
                if (b.get("orderId").asLong() == open) {
                    assertThat(b.get("open").asBoolean()).isTrue();
                }
                if (b.get("orderId").asLong() == lateStart) {
                    assertThat(b.get("open").asBoolean()).isFalse();
                    assertThat(b.get("category").asString()).isEqualTo("EMERGENCY");
                }
            });
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRandomSampleIsDrawnOnceAndSpotCheckedAndAFailureGoesToRework() throws Exception {
        String village = "331121209902";
        String butler = fixtures.butler(JUPU, village, "[\"CLEANING\"]");
        long person = fixtures.elderIn("抽查老人", village);
        long item = fixtures.item("CLEAN-LAUNDRY");
        List<Long> delivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long order = fixtures.newOrder(person, item);
            deliver(order, butler);
            delivered.add(order);
        }
        JsonNode first = fixtures.body(fixtures.admin(post("/api/v1/orders/spot-check-sample"),
                "{\"division\":\"" + village + "\",\"size\":2}").andExpect(status().isOk()));
        JsonNode second = fixtures.body(fixtures.admin(post("/api/v1/orders/spot-check-sample"),
                "{\"division\":\"" + village + "\",\"size\":5}").andExpect(status().isOk()));
        assertThat(first.size()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(1);
        List<Long> drawn = new ArrayList<>(ids(first, "id"));
        drawn.addAll(ids(second, "id"));
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(fixtures.body(fixtures.admin(post("/api/v1/orders/spot-check-sample"),
                "{\"division\":\"" + village + "\"}")).size()).isZero();

        long failed = drawn.get(0);
        fixtures.act(failed, "spot-check", "{\"result\":\"FAILED\",\"note\":\"电话回访：未上门\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.spotCheckResult").value("FAILED"));
        fixtures.act(failed, "complaints", "{\"text\":\"家属投诉\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.complaints").value(1));
        fixtures.act(failed, "rework", "{\"reason\":\"抽查不合格\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REWORK"));
        JsonNode sample = fixtures.body(fixtures.admin(get("/api/v1/orders/spot-check-sample").param("division", village), null));
        assertThat(ids(sample, "id")).containsExactlyInAnyOrderElementsOf(delivered);
    }

    @Test
    void ordersStayInTheirScopeAndButlersWorkOnlyTheirOwn() throws Exception {
        String butler = fixtures.butler(PlatformTest.HECHENG, ServicesFixtures.VILLAGE, "[\"CLEANING\"]");
        String otherButler = fixtures.butler(PlatformTest.HECHENG, "331121001902", "[\"CLEANING\"]");
        String ounanStaff = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        String auditor = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        long person = fixtures.elder("范围老人");
        long item = fixtures.item("CLEAN-HOME");
        long order = fixtures.newOrder(person, item);

        fixtures.as(ounanStaff, Accounts.PASSWORD, get("/api/v1/orders/" + order), null).andExpect(status().isNotFound());
        fixtures.as(ounanStaff, Accounts.PASSWORD, post("/api/v1/orders"), """
                {"personId":%d,"itemId":%d,"channel":"PHONE","idempotencyKey":"%s"}""".formatted(person, item,
                UUID.randomUUID())).andExpect(status().isNotFound());
        fixtures.as(ounanStaff, Accounts.PASSWORD, get("/api/v1/orders/breaches").param("division", PlatformTest.HECHENG),
                null).andExpect(status().isForbidden());
        fixtures.as(auditor, Accounts.PASSWORD, get("/api/v1/orders/" + order), null).andExpect(status().isOk());
        fixtures.as(auditor, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/cancel"), "{}")
                .andExpect(status().isForbidden());

        fixtures.act(order, "dispatch", "{\"butler\":\"" + butler + "\"}").andExpect(status().isOk());
        fixtures.as(otherButler, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/accept"), "{}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        fixtures.as(butler, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/accept"), "{}")
                .andExpect(status().isOk());
        fixtures.as(butler, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/check-in"),
                "{\"latitude\":28.14,\"longitude\":120.29}").andExpect(status().isOk());
        fixtures.as(butler, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/check-out"), null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
        // butlers neither spot-check nor void
        fixtures.as(butler, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/spot-check"),
                "{\"result\":\"PASSED\"}").andExpect(status().isForbidden());
        fixtures.as(butler, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/cancel"),
                "{\"reason\":\"x\"}").andExpect(status().isForbidden());
    }

    @Test
    void teamMembersAreButlerAccountsAndSuggestionsPreferSkillAreaAndLowLoad() throws Exception {
        String village = "331121209903";
        String skilled = fixtures.butler(JUPU, village, "[\"MEDICAL\"]");
        String unskilled = fixtures.butler(JUPU, village, "[\"MEALS\"]");
        String staff = Accounts.create(mvc, "TOWNSHIP_STAFF", JUPU);
        JsonNode teams = fixtures.body(fixtures.admin(get("/api/v1/butler-teams").param("division", JUPU), null));
        long team = -1;
        for (JsonNode t : teams) {
            for (JsonNode m : t.get("team").get("members")) {
                if (m.get("username").asString().equals(skilled)) {
                    team = t.get("team").get("id").asLong();
                }
            }
        }
        assertThat(team).isPositive();
        fixtures.admin(put("/api/v1/butler-teams/" + team + "/members/" + staff), "{\"skills\":[\"MEDICAL\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));

        long person = fixtures.elderIn("派单老人", village);
        long order = fixtures.newOrder(person, fixtures.item("MED-ESCORT"));
        JsonNode suggestions = fixtures.body(fixtures.admin(get("/api/v1/orders/" + order + "/dispatch-suggestions"), null)
                .andExpect(status().isOk()));
        List<String> butlers = new ArrayList<>();
        suggestions.forEach(s -> {
            if (s.get("kind").asString().equals("BUTLER")) {
                butlers.add(s.get("butler").asString());
            }
        });
        assertThat(butlers.indexOf(skilled)).isLessThan(butlers.indexOf(unskilled)).isGreaterThanOrEqualTo(0);

        // with load: the skilled butler gets two open orders; a second skilled butler with none comes first
        String fresh = fixtures.butler(JUPU, village, "[\"MEDICAL\"]");
        for (int i = 0; i < 2; i++) {
            fixtures.act(fixtures.newOrder(person, fixtures.item("MED-CHECK")), "dispatch",
                    "{\"butler\":\"" + skilled + "\"}").andExpect(status().isOk());
        }
        JsonNode again = fixtures.body(fixtures.admin(get("/api/v1/orders/" + order + "/dispatch-suggestions"), null));
        assertThat(again.get(0).get("butler").asString()).isEqualTo(fresh);
        assertThat(again.get(0).get("openOrders").asInt()).isZero();
        JsonNode caseloads = fixtures.body(fixtures.admin(get("/api/v1/butler-teams").param("division", JUPU), null));
        boolean found = false;
        for (JsonNode t : caseloads) {
            if (t.get("caseloads").has(skilled)) {
                assertThat(t.get("caseloads").get(skilled).asInt()).isEqualTo(2);
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void anotherModuleRaisesANeedOnceAsAnOrder() throws Exception {
        long person = fixtures.elderIn("预警老人", "331121209904");
        String key = "guardian-alert-" + UUID.randomUUID();
        long id = needs.raise(new ServiceNeed(person, "EMG-FALL", null, NeedChannel.GUARDIAN_ALERT, key,
                "跌倒报警", "guardian"));
        assertThat(needs.raise(new ServiceNeed(person, "EMG-FALL", null, NeedChannel.GUARDIAN_ALERT, key,
                "跌倒报警", "guardian"))).isEqualTo(id);
        JsonNode order = fixtures.get(id);
        assertThat(order.get("channel").asString()).isEqualTo("GUARDIAN_ALERT");
        assertThat(order.get("createdBy").asString()).isEqualTo("guardian");
        assertThat(order.get("category").asString()).isEqualTo("EMERGENCY");
        assertThat(order.get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void menuItemsAreAddedAndRepricedForFutureOrdersOnly() throws Exception {
        fixtures.admin(post("/api/v1/service-items"), "{\"code\":\"x\",\"price\":-1,\"availableIn\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='price')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='availableIn')]").exists());
        String code = "TEST-" + (System.nanoTime() % 100000000);
        String body = """
                {"code":"%s","category":"MOBILITY","name":"测试代步","unit":"次","price":12.50,"availableIn":["%s"]}
                """.formatted(code, JUPU);
        long item = fixtures.body(fixtures.admin(post("/api/v1/service-items"), body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.synthetic").value(false))).get("id").asLong();
        fixtures.admin(post("/api/v1/service-items"), body).andExpect(status().isConflict());
        String staff = Accounts.create(mvc, "TOWNSHIP_STAFF", JUPU);
        fixtures.as(staff, Accounts.PASSWORD, post("/api/v1/service-items"), body).andExpect(status().isForbidden());

        long person = fixtures.elderIn("调价老人", "331121209905");
        long before = fixtures.newOrder(person, item);
        fixtures.admin(put("/api/v1/service-items/" + item + "/price"), "{\"price\":20.00}").andExpect(status().isOk());
        long after = fixtures.newOrder(person, item);
        assertThat(fixtures.get(before).get("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(fixtures.get(after).get("price").decimalValue()).isEqualByComparingTo("20.00");
        // offered in 巨浦乡 only
        fixtures.order(fixtures.elder("鹤城代步老人"), item, UUID.randomUUID().toString()).andExpect(status().isConflict());
    }
}
