package org.yilaoyixiao.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.services.ServicesFixtures;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.visits.VisitFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The time bank's API contract over real HTTP, the real ledger and the real services and visits modules. */
@PlatformTest
class TimeBankApiTest {

    private static final String VILLAGE = PlacementFixtures.VILLAGE;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DivisionDirectory divisions;

    TimeBankFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new TimeBankFixtures(mvc, json);
    }

    private long visit(long elder) throws Exception {
        VisitFixtures visits = new VisitFixtures(mvc, json, divisions);
        return visits.body(visits.record(elder, java.time.OffsetDateTime.now().minusHours(2).withNano(0).toString())
                .andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void registersVolunteersWithConsentOnceAndFindsElderTalentsBySkill() throws Exception {
        long elder = fx.person("人才甲", 67, VILLAGE);
        fx.send(post("/api/v1/volunteers"), """
                {"personId":%d,"organisation":"塔下村老年协会","organisationKind":"ASSOCIATION",
                 "skills":["书法","剪纸"],"formerProfession":"中学语文教师","availability":"周末"}
                """.formatted(elder)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.personId").value(elder))
                .andExpect(jsonPath("$.organisationName").value("塔下村老年协会"))
                .andExpect(jsonPath("$.skills[0]").value("书法"))
                .andExpect(jsonPath("$.consentBy").value(PlatformTest.ADMIN));
        fx.register(elder, "塔下村老年协会", "[]", true).andExpect(status().isConflict());
        long young = fx.person("人才乙", 35, VILLAGE);
        fx.send(post("/api/v1/volunteers"), "{\"personId\":%d,\"skills\":[\"书法\"],\"consent\":false}"
                .formatted(young)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consent"));
        fx.register(young, "青年志愿服务队", "[\"书法\"]", true).andExpect(status().isCreated());

        JsonNode found = fx.body(fx.get("/api/v1/talents?skill=书法&division=" + VILLAGE).andExpect(status().isOk()));
        List<Long> ids = new ArrayList<>();
        found.forEach(t -> ids.add(t.get("personId").asLong()));
        assertThat(ids).contains(elder).doesNotContain(young);
        JsonNode byProfession = fx.body(fx.get("/api/v1/talents?skill=语文教师&division=" + VILLAGE));
        List<Long> teachers = new ArrayList<>();
        byProfession.forEach(t -> teachers.add(t.get("personId").asLong()));
        assertThat(teachers).contains(elder);
        assertThat(fx.body(fx.get("/api/v1/talents?skill=书法&division=331121002")).toString())
                .doesNotContain("\"personId\":" + elder + ",");
    }

    @Test
    void aVolunteerUpdatesTheirProfileAndWithdrawsKeepingTheirHours() throws Exception {
        long elder = fx.volunteer("资料甲", 72, VILLAGE);
        fx.confirmedActivity("陪老人看病", VILLAGE, elder, "2");
        fx.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/volunteers/" + elder),
                        "{\"skills\":[\"木雕手艺\"],\"availability\":\"每周三\",\"ownPhone\":false}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.skills[0]").value("木雕手艺"))
                .andExpect(jsonPath("$.ownPhone").value(false));
        assertThat(fx.body(fx.get("/api/v1/talents?skill=木雕&division=" + VILLAGE)).toString())
                .contains("\"personId\":" + elder);
        fx.send(post("/api/v1/volunteers/" + elder + "/withdrawal"), "").andExpect(status().isNoContent());
        fx.get("/api/v1/volunteers/" + elder).andExpect(status().isNotFound());
        assertThat(fx.body(fx.get("/api/v1/talents?skill=木雕&division=" + VILLAGE)).toString())
                .doesNotContain("\"personId\":" + elder);
        assertThat(fx.account(elder).get("balanceHours").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void creditsAVerifiedServiceOnceAndAReplayedKeyChangesNothing() throws Exception {
        long volunteer = fx.volunteer("时间甲", 62, VILLAGE);
        long elder = fx.person("受助甲", 84, VILLAGE);
        long visit = visit(elder);
        String key = TimeBankFixtures.key();
        fx.credit(volunteer, "1.5", "VISIT", Long.toString(visit), key).andExpect(status().isCreated())
                .andExpect(jsonPath("$.replayed").value(false))
                .andExpect(jsonPath("$.balanceHours").value(1.5));
        fx.credit(volunteer, "1.5", "VISIT", Long.toString(visit), key).andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        fx.credit(volunteer, "1.5", "VISIT", Long.toString(visit), TimeBankFixtures.key())
                .andExpect(status().isConflict());
        long other = fx.volunteer("时间乙", 45, VILLAGE);
        fx.credit(other, "1", "VISIT", Long.toString(visit), TimeBankFixtures.key()).andExpect(status().isConflict());
        fx.credit(volunteer, "2", "VISIT", Long.toString(visit), key).andExpect(status().isConflict());

        // unverifiable sources: no such visit, an order not delivered, an activity nobody confirmed
        fx.credit(volunteer, "1", "VISIT", "999999999", TimeBankFixtures.key()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("找不到可核实的服务")));
        ServicesFixtures services = new ServicesFixtures(mvc, json);
        String butler = services.butler(PlatformTest.HECHENG, ServicesFixtures.VILLAGE, "[\"CLEANING\"]");
        long order = services.newOrder(elder, services.item("CLEAN-HOME"));
        fx.credit(volunteer, "2", "ORDER", Long.toString(order), TimeBankFixtures.key())
                .andExpect(status().isConflict());
        services.act(order, "dispatch", "{\"butler\":\"" + butler + "\"}").andExpect(status().isOk());
        services.act(order, "accept", "{}").andExpect(status().isOk());
        services.act(order, "check-in", "{}").andExpect(status().isOk());
        services.act(order, "check-out", "{}").andExpect(status().isOk());
        fx.credit(volunteer, "2", "ORDER", Long.toString(order), TimeBankFixtures.key())
                .andExpect(status().isCreated());
        fx.credit(volunteer, "1", "ACTIVITY", "1:" + volunteer, TimeBankFixtures.key())
                .andExpect(status().isConflict());

        // validation names the fields; a person who is not a volunteer earns nothing
        fx.credit(volunteer, "0", "LOTTERY", "x", TimeBankFixtures.key()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"))
                .andExpect(jsonPath("$.errors[1].field").value("sourceType"));
        fx.credit(volunteer, "9", "VISIT", "1", TimeBankFixtures.key()).andExpect(status().isBadRequest());
        fx.credit(elder, "1", "VISIT", Long.toString(visit(elder)), TimeBankFixtures.key())
                .andExpect(status().isConflict());

        JsonNode account = fx.account(volunteer);
        assertThat(account.get("personId").asLong()).isEqualTo(volunteer);
        assertThat(account.get("balanceHours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(account.get("earned").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(account.get("spent").decimalValue()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("select count(*) from timebank.credit where person_id = :p").param("p", volunteer)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anOrderDeliveredUnderAVolunteersOwnAccountCreditsThemAutomaticallyAndOnlyThem() throws Exception {
        ServicesFixtures services = new ServicesFixtures(mvc, json);
        String butler = services.butler(PlatformTest.HECHENG, ServicesFixtures.VILLAGE, "[\"CLEANING\"]");
        long volunteer = fx.person("管家志愿者", 52, VILLAGE);
        fx.send(post("/api/v1/volunteers"), "{\"personId\":%d,\"skills\":[\"助洁\"],\"username\":\"%s\"}"
                .formatted(volunteer, butler)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(butler));
        long other = fx.volunteer("旁人志愿者", 50, VILLAGE);
        long elder = fx.person("助洁对象", 83, VILLAGE);
        long first = deliver(services, butler, elder);
        long second = deliver(services, butler, elder);
        // automatic, after the order's commit: a quarter of an hour begun counts as a quarter
        long deadline = System.currentTimeMillis() + 15_000;
        while (fx.account(volunteer).get("balanceHours").decimalValue().compareTo(new java.math.BigDecimal("0.5")) < 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(fx.account(volunteer).get("balanceHours").decimalValue()).isEqualByComparingTo("0.5");
        fx.credit(volunteer, "1", "ORDER", Long.toString(first), TimeBankFixtures.key())
                .andExpect(status().isConflict());
        fx.credit(other, "1", "ORDER", Long.toString(second), TimeBankFixtures.key())
                .andExpect(status().isConflict());
        assertThat(fx.account(other).get("balanceHours").decimalValue()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("select count(*) from timebank.credit where source_type = 'ORDER' and source_ref in (:r)")
                .param("r", List.of(Long.toString(first), Long.toString(second))).query(Long.class).single())
                .isEqualTo(2);
    }

    private static long deliver(ServicesFixtures services, String butler, long elder) throws Exception {
        long order = services.newOrder(elder, services.item("CLEAN-HOME"));
        services.act(order, "dispatch", "{\"butler\":\"" + butler + "\"}").andExpect(status().isOk());
        services.act(order, "accept", "{}").andExpect(status().isOk());
        services.act(order, "check-in", "{}").andExpect(status().isOk());
        services.act(order, "check-out", "{}").andExpect(status().isOk());
        return order;
    }

    @Test
    void oneServiceIsCreditedOnceEvenWhenRequestsRace() throws Exception {
        long volunteer = fx.volunteer("并发甲", 63, VILLAGE);
        long visit = visit(fx.person("并发受助", 88, VILLAGE));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            // half the requests share one key (a retried phone), the others each have their own
            String key = i % 2 == 0 ? "race-" + visit : TimeBankFixtures.key();
            answers.add(pool.submit(() -> {
                start.await();
                return fx.credit(volunteer, "1.25", "VISIT", Long.toString(visit), key).andReturn().getResponse()
                        .getStatus();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).isSubsetOf(201, 200, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(1);
        // if a request with the shared key won, the other three with it replay (200); else they are refused too
        assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isIn(0L, 3L);
        assertThat(fx.account(volunteer).get("balanceHours").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(jdbc.sql("select count(*) from timebank.credit where source_type = 'VISIT' and source_ref = :r")
                .param("r", Long.toString(visit)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select coalesce(sum(p.amount), 0) from ledger.posting p join ledger.account a"
                        + " on a.id = p.account_id where a.code = :code").param("code", "timebank:" + volunteer)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1.25");
    }

    @Test
    void transfersAndDonationsMoveHoursOnceAndNeverBeyondTheBalance() throws Exception {
        long child = fx.volunteer("转赠子女", 40, VILLAGE);
        fx.confirmedActivity("敬老院帮厨", VILLAGE, child, "6");
        // parents in another village, of another township (通存通兑)
        long parent = fx.person("异村父亲", 78, "331121106");
        String key = TimeBankFixtures.key();
        fx.send(post("/api/v1/timebank/transfers"), """
                {"fromPersonId":%d,"toPersonId":%d,"hours":4,"kind":"DONATION","note":"给父亲","idempotencyKey":"%s"}
                """.formatted(child, parent, key)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("DONATION"))
                .andExpect(jsonPath("$.fromBalanceHours").value(2.0));
        fx.transfer(child, parent, "4", null, key).andExpect(status().isConflict()); // same key, other kind
        fx.transfer(child, parent, "2.01", null, TimeBankFixtures.key()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("时间余额不足，未作任何变动。"));
        assertThat(fx.account(child).get("balanceHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(fx.account(parent).get("balanceHours").decimalValue()).isEqualByComparingTo("4");

        // the parent spends in their own village, hours earned in the child's
        String spendKey = TimeBankFixtures.key();
        String spend = """
                {"personId":%d,"hours":3,"divisionCode":"331121106","note":"助浴一次","idempotencyKey":"%s"}
                """.formatted(parent, spendKey);
        fx.send(post("/api/v1/timebank/spends"), spend).andExpect(status().isCreated());
        fx.send(post("/api/v1/timebank/spends"), spend).andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        JsonNode parentAccount = fx.account(parent);
        assertThat(parentAccount.get("earned").decimalValue()).isEqualByComparingTo("4");
        assertThat(parentAccount.get("spent").decimalValue()).isEqualByComparingTo("3");
        assertThat(parentAccount.get("balanceHours").decimalValue()).isEqualByComparingTo("1");
        JsonNode statement = fx.body(fx.get("/api/v1/timebank/accounts/" + parent + "/statement"));
        assertThat(statement.get("opening").decimalValue().add(statement.get("in").decimalValue())
                .subtract(statement.get("out").decimalValue())).isEqualByComparingTo(statement.get("closing")
                .decimalValue());
        assertThat(statement.get("lines")).hasSize(2);
    }

    @Test
    void everyProxyActionForAnElderWithoutAPhoneIsInTheAuditTrail() throws Exception {
        long elder = fx.person("无手机老人", 81, VILLAGE);
        fx.register(elder, "银龄互助队", "[\"编织\"]", false).andExpect(status().isCreated());
        fx.confirmedActivity("编织坐垫送独居老人", VILLAGE, elder, "3");
        long neighbour = fx.person("邻居", 70, VILLAGE);
        fx.transfer(elder, neighbour, "1", null, TimeBankFixtures.key()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("proxyWitness"));
        fx.transfer(elder, neighbour, "1", "村委委员王某", TimeBankFixtures.key()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.proxy").value(true));
        fx.send(post("/api/v1/timebank/spends"), """
                {"personId":%d,"hours":0.5,"divisionCode":"%s","note":"理发","proxyWitness":"村委委员王某",
                 "idempotencyKey":"%s"}""".formatted(elder, VILLAGE, TimeBankFixtures.key()))
                .andExpect(status().isCreated());
        List<String> trail = jdbc.sql("select actor || ' ' || detail from audit.audit_event"
                        + " where type = 'TIMEBANK_PROXY_ACTION' and target = :t order by id")
                .param("t", "timebank:" + elder).query(String.class).list();
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0)).startsWith(PlatformTest.ADMIN).contains("action=TRANSFER").contains("村委委员王某");
        assertThat(trail.get(1)).contains("action=SPEND").contains("hours=0.5");
        assertThat(fx.account(elder).get("balanceHours").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void coursesTakeEnrolmentsAndAttendanceAndTellRegularParticipants() throws Exception {
        long learner = fx.person("学员甲", 66, VILLAGE);
        JsonNode course = fx.body(fx.send(post("/api/v1/courses"), """
                {"title":"老年大学·智能手机入门","mode":"OFFLINE","location":"鹤城街道文化礼堂","divisionCode":"%s",
                 "provider":"青田县老年大学","termStart":"2026-03-01","termEnd":"2026-06-30","sessions":4}
                """.formatted(VILLAGE)).andExpect(status().isCreated()));
        long id = course.get("id").asLong();
        fx.send(post("/api/v1/courses"), """
                {"title":"x","mode":"OFFLINE","divisionCode":"%s","termStart":"2026-03-01","termEnd":"2026-02-01",
                 "sessions":0}""".formatted(VILLAGE)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"));
        fx.send(post("/api/v1/courses/" + id + "/enrolments"), "{\"personId\":%d}".formatted(learner))
                .andExpect(status().isCreated());
        fx.send(post("/api/v1/courses/" + id + "/enrolments"), "{\"personId\":%d}".formatted(learner))
                .andExpect(status().isConflict());
        fx.send(post("/api/v1/courses/" + id + "/attendance"), "{\"personId\":%d,\"session\":1}".formatted(learner))
                .andExpect(status().isCreated());
        fx.send(post("/api/v1/courses/" + id + "/attendance"), "{\"personId\":%d,\"session\":1}".formatted(learner))
                .andExpect(status().isOk());
        fx.get("/api/v1/courses/" + id).andExpect(jsonPath("$.sessionsNeededForRegular").value(2))
                .andExpect(jsonPath("$.learners[0].attended").value(1))
                .andExpect(jsonPath("$.learners[0].regular").value(false));
        fx.send(post("/api/v1/courses/" + id + "/attendance"), "{\"personId\":%d,\"session\":3}".formatted(learner))
                .andExpect(status().isCreated());
        fx.send(post("/api/v1/courses/" + id + "/attendance"), "{\"personId\":%d,\"session\":5}".formatted(learner))
                .andExpect(status().isBadRequest());
        fx.get("/api/v1/courses/" + id).andExpect(jsonPath("$.learners[0].regular").value(true));
        JsonNode list = fx.body(fx.get("/api/v1/courses?division=" + VILLAGE).andExpect(status().isOk()));
        assertThat(list.toString()).contains("老年大学·智能手机入门");
    }
}
