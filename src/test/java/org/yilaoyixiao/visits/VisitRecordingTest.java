package org.yilaoyixiao.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/** Recording visits: exactly once per key, scope, findings that raise events, the overdue list, the rate. */
@PlatformTest
@Import(VisitRecordingTest.Raised.class)
class VisitRecordingTest {

    /** Sees the events the visits module publishes. */
    @TestConfiguration
    static class Raised {

        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ServiceNeedRaised event) {
            seen.add(event);
        }

        @EventListener
        void on(UrgentAlertRaised event) {
            seen.add(event);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Raised raised;

    @Autowired
    VisitRates rates;

    VisitFixtures fx;
    YearMonth month;

    @BeforeEach
    void setUp() {
        fx = new VisitFixtures(mvc, json, divisions);
        month = YearMonth.from(BusinessTime.today(clock)).minusMonths(1);
    }

    private long visitsOf(long person) {
        return jdbc.sql("select count(*) from visits.visit where person_id = :p").param("p", person)
                .query(Long.class).single();
    }

    @Test
    void theSameKeyTwiceIsTheSameVisitEvenWhenSentAtOnce() throws Exception {
        String village = fx.freshVillage();
        long elder = fx.elder("重复提交", village, "MINIMUM_LIVING", "LIVING_ALONE");
        String key = VisitFixtures.key();
        String body = VisitFixtures.visit(elder, VisitFixtures.noon(month, 5), "VIDEO", key, null);

        long id = fx.body(fx.send(post("/api/v1/visits"), body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.mode").value("VIDEO"))).get("id").asLong();
        fx.send(post("/api/v1/visits"), body).andExpect(status().isOk())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
        assertThat(visitsOf(elder)).isEqualTo(1);

        // a phone retrying on a flaky network: several identical submissions at the same moment
        String concurrentKey = VisitFixtures.key();
        String concurrent = VisitFixtures.visit(elder, VisitFixtures.noon(month, 6), "HOME", concurrentKey, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> send = () -> fx.send(post("/api/v1/visits"), concurrent).andReturn().getResponse()
                    .getStatus();
            results.add(pool.submit(send));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 200);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(visitsOf(elder)).isEqualTo(2);

        // the key of one elder's visit cannot record another elder's
        long other = fx.elder("另一位", village, "MINIMUM_LIVING", "LIVING_ALONE");
        fx.send(post("/api/v1/visits"), VisitFixtures.visit(other, VisitFixtures.noon(month, 5), "HOME", key, null))
                .andExpect(status().isConflict());
        assertThat(visitsOf(other)).isZero();
    }

    @Test
    void aTownshipVisitorCannotRecordForAnotherTownship() throws Exception {
        String village = fx.freshVillage();
        long here = fx.elder("本乡老人", village, "MINIMUM_LIVING", "EMPTY_NEST");
        long elsewhere = fx.elder("鹤城老人", "331121001901", "MINIMUM_LIVING", "EMPTY_NEST");
        String visitor = Accounts.create(mvc, "BUTLER", VisitFixtures.TOWNSHIP);

        fx.send(post("/api/v1/visits"), VisitFixtures.visit(elsewhere, VisitFixtures.noon(month, 7), "HOME",
                        VisitFixtures.key(), null), visitor, Accounts.PASSWORD)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        assertThat(visitsOf(elsewhere)).isZero();
        fx.send(post("/api/v1/visits"), VisitFixtures.visit(here, VisitFixtures.noon(month, 7), "PHONE",
                        VisitFixtures.key(), null), visitor, Accounts.PASSWORD)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.visitor").value(visitor));
        VisitFixtures.getAs(mvc, "/api/v1/visits/rate?division=331121001&month=" + month, visitor)
                .andExpect(status().isForbidden());
    }

    @Test
    void namesEveryMissingOrInvalidField() throws Exception {
        long elder = fx.elder("填写不全", fx.freshVillage(), "MINIMUM_LIVING", "EMPTY_NEST");
        fx.send(post("/api/v1/visits"), """
                {"personId":%d,"visitedAt":"2099-01-01T10:00:00+08:00","mode":"LETTER",
                 "findings":{"HEALTH":{"concern":false,"raise":"URGENT_ALERT"},"NEEDS":{"concern":true,
                 "raise":"SERVICE_NEED"}},"idempotencyKey":"x"}""".formatted(elder))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'visitedAt')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'mode')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'findings.HEALTH.concern')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'findings.NEEDS.service')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'findings.LIVING')].message").value("请填写检查项“居住条件”：是否发现问题。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'idempotencyKey')]").exists());
        assertThat(visitsOf(elder)).isZero();
    }

    @Test
    void findingsRaiseAServiceNeedAndAnUrgentAlertWithAFollowUpWithin24Hours() throws Exception {
        String village = fx.freshVillage();
        long elder = fx.elder("发现问题", village, "EXTREME_POVERTY", "LIVING_ALONE");
        String at = java.time.OffsetDateTime.now(clock).minusHours(1).withNano(0).toString();
        long visit = fx.body(fx.send(post("/api/v1/visits"), VisitFixtures.visit(elder, at, "HOME",
                VisitFixtures.key(), """
                        {"HEALTH":{"concern":true,"note":"腿脚不便，无人买菜","raise":"SERVICE_NEED","service":"MEALS"},
                         "LIVING":{"concern":false},"SAFETY":{"concern":true,"note":"煤气灶漏气","raise":"URGENT_ALERT"},
                         "MENTAL":{"concern":false},"NEEDS":{"concern":false}}"""))
                .andExpect(status().isCreated())).get("id").asLong();

        assertThat(raised.seen).anySatisfy(e -> {
            assertThat(e).isInstanceOf(ServiceNeedRaised.class);
            ServiceNeedRaised need = (ServiceNeedRaised) e;
            assertThat(need.visitId()).isEqualTo(visit);
            assertThat(need.service()).isEqualTo("MEALS");
            assertThat(need.divisionCode()).isEqualTo(village);
        });
        assertThat(raised.seen).anySatisfy(e -> {
            assertThat(e).isInstanceOf(UrgentAlertRaised.class);
            assertThat(((UrgentAlertRaised) e).visitId()).isEqualTo(visit);
        });
        JsonNode followUp = jdbc.sql("select due_at, kind from visits.task where person_id = :p and kind = 'FOLLOW_UP'")
                .param("p", elder).query((rs, i) -> json.readTree("{\"due\":\"" + rs.getTimestamp(1).toInstant()
                        + "\"}")).single();
        assertThat(java.time.Instant.parse(followUp.get("due").asString()))
                .isEqualTo(java.time.OffsetDateTime.parse(at).toInstant().plus(Duration.ofHours(24)));
        // a later visit answers the follow-up
        fx.record(elder, java.time.OffsetDateTime.now(clock).withNano(0).toString()).andExpect(status().isCreated());
        assertThat(jdbc.sql("select status from visits.task where person_id = :p and kind = 'FOLLOW_UP'")
                .param("p", elder).query(String.class).single()).isEqualTo("DONE");
    }

    @Test
    void overdueListsOpenTasksPastTheirDueTimeUntilAVisitAnswersThem() throws Exception {
        String village = fx.freshVillage();
        long waiting = fx.elder("逾期未访", village, "MINIMUM_LIVING", "EMPTY_NEST");
        long visited = fx.elder("已经探访", village, "MINIMUM_LIVING", "LEFT_BEHIND");
        String butlerA = Accounts.create(mvc, "BUTLER", VisitFixtures.TOWNSHIP);
        String butlerB = Accounts.create(mvc, "BUTLER", village);
        String elsewhere = Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG);
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"nobody-here\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitor"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN"));
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + elsewhere + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("OUT_OF_SCOPE"));
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + butlerA + "\"}")
                .andExpect(status().isNoContent());
        fx.generate(month);
        fx.record(visited, VisitFixtures.noon(month, 20)).andExpect(status().isCreated());

        JsonNode overdue = fx.body(fx.get("/api/v1/visits/overdue?division=" + village).andExpect(status().isOk()));
        assertThat(overdue.size()).isEqualTo(1);
        assertThat(overdue.get(0).get("personId").asLong()).isEqualTo(waiting);
        assertThat(overdue.get(0).get("visitor").asString()).isEqualTo(butlerA);
        assertThat(overdue.get(0).get("dueAt").asString()).startsWith(month.atEndOfMonth() + "T15:59:59");

        long task = overdue.get(0).get("id").asLong();
        fx.send(put("/api/v1/visits/tasks/" + task + "/visitor"), "{\"visitor\":\"" + elsewhere + "\"}")
                .andExpect(status().isBadRequest());
        fx.send(put("/api/v1/visits/tasks/" + task + "/visitor"), "{\"visitor\":\"" + butlerB + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.visitor").value(butlerB));
        assertThat(fx.body(fx.get("/api/v1/visits/overdue?division=" + village + "&visitor=" + butlerB)).size())
                .isEqualTo(1);

        // a late-recorded visit in that month answers the task
        fx.record(waiting, VisitFixtures.noon(month, 28)).andExpect(status().isCreated());
        assertThat(fx.body(fx.get("/api/v1/visits/overdue?division=" + village)).size()).isZero();
        fx.send(put("/api/v1/visits/tasks/" + task + "/visitor"), "{\"visitor\":\"" + butlerA + "\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void theRateRollsUpByCountingAgainOverTheSubtree() throws Exception {
        // hand-worked: village A has 3 target elders, 2 of them visited in the month (one twice, one more only in
        // the next month); village B has 1, visited. A: 2/3 = 66.67 %; B: 1/1 = 100.00 %; both: 3/4 = 75.00 %,
        // which no average of 66.67 and 100 gives.
        String a = fx.freshVillage();
        String b = fx.freshVillage();
        fx.generate(month);
        JsonNode before = fx.body(fx.get("/api/v1/visits/rate?division=" + VisitFixtures.TOWNSHIP + "&month=" + month));

        long a1 = fx.elder("甲一", a, "MINIMUM_LIVING", "EMPTY_NEST");
        long a2 = fx.elder("甲二", a, "LOW_INCOME_MARGINAL", "LIVING_ALONE");
        long a3 = fx.elder("甲三", a, "EXTREME_POVERTY", "LEFT_BEHIND");
        fx.elder("甲四不是对象", a, "NONE", "LIVING_ALONE");
        long b1 = fx.elder("乙一", b, "MINIMUM_LIVING", "FAMILY_PLANNING_SPECIAL");
        fx.generate(month);
        fx.record(a1, VisitFixtures.noon(month, 3)).andExpect(status().isCreated());
        fx.record(a1, VisitFixtures.noon(month, 17)).andExpect(status().isCreated());
        fx.record(a2, VisitFixtures.noon(month, 9)).andExpect(status().isCreated());
        fx.record(a3, VisitFixtures.noon(month.plusMonths(1), 1)).andExpect(status().isCreated());
        fx.record(b1, month.atDay(1) + "T00:30:00+08:00").andExpect(status().isCreated());

        fx.get("/api/v1/visits/rate?division=" + a + "&month=" + month).andExpect(status().isOk())
                .andExpect(jsonPath("$.division").value(a))
                .andExpect(jsonPath("$.month").value(month.toString()))
                .andExpect(jsonPath("$.targetCount").value(3))
                .andExpect(jsonPath("$.visitedCount").value(2))
                .andExpect(jsonPath("$.rate").value(66.67));
        fx.get("/api/v1/visits/rate?division=" + b + "&month=" + month)
                .andExpect(jsonPath("$.targetCount").value(1))
                .andExpect(jsonPath("$.visitedCount").value(1))
                .andExpect(jsonPath("$.rate").value(100.0));
        JsonNode after = fx.body(fx.get("/api/v1/visits/rate?division=" + VisitFixtures.TOWNSHIP + "&month=" + month));
        assertThat(after.get("targetCount").asLong() - before.get("targetCount").asLong()).isEqualTo(4);
        assertThat(after.get("visitedCount").asLong() - before.get("visitedCount").asLong()).isEqualTo(3);

        VisitRate javaApi = rates.rate(a, month);
        assertThat(javaApi.targetCount()).isEqualTo(3);
        assertThat(javaApi.visitedCount()).isEqualTo(2);
        assertThat(javaApi.rate()).isEqualByComparingTo(new BigDecimal("66.67"));
        VisitRate both = VisitRate.of("A+B", month, 4, 3);
        assertThat(both.rate()).isEqualByComparingTo(new BigDecimal("75.00"));
        // indicator I07 is computed from the same counts, for the last complete month (this month's previous one)
        JsonNode indicators = fx.body(fx.get("/api/v1/indicators?division=" + a + "&year=" + month.getYear()));
        JsonNode i07 = null;
        for (JsonNode indicator : indicators) {
            if (indicator.get("code").asString().equals("I07")) {
                i07 = indicator;
            }
        }
        assertThat(i07.get("actual").get("source").asString()).as(i07.toString()).isEqualTo("COMPUTED");
        assertThat(i07.get("actual").get("numerator").asLong()).as(i07.toString()).isEqualTo(2);
        assertThat(i07.get("actual").get("numerator").asLong()).isEqualTo(2);
        assertThat(i07.get("actual").get("denominator").asLong()).isEqualTo(3);
        // the county's figure is the township's plus everything else: its counts moved by the same amounts
        VisitRate county = rates.rate(PlatformTest.COUNTY, month);
        VisitRate township = rates.rate(VisitFixtures.TOWNSHIP, month);
        assertThat(county.targetCount()).isGreaterThanOrEqualTo(township.targetCount());
    }

    @Test
    void supervisorsSeeWhoLagsBelowTheThreshold() throws Exception {
        String village = fx.freshVillage();
        String slowButler = Accounts.create(mvc, "BUTLER", village);
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + slowButler + "\"}")
                .andExpect(status().isNoContent());
        long visited = fx.elder("探过", village, "MINIMUM_LIVING", "EMPTY_NEST");
        fx.elder("未探一", village, "MINIMUM_LIVING", "EMPTY_NEST");
        fx.elder("未探二", village, "MINIMUM_LIVING", "EMPTY_NEST");
        fx.generate(month);
        fx.record(visited, VisitFixtures.noon(month, 2)).andExpect(status().isCreated());

        JsonNode progress = fx.body(fx.get("/api/v1/visits/progress?division=" + VisitFixtures.TOWNSHIP
                + "&month=" + month).andExpect(status().isOk()));
        assertThat(progress.get("daysLeft").asLong()).isZero();
        assertThat(new BigDecimal(progress.get("threshold").asString())).isEqualByComparingTo("80");
        JsonNode slow = null;
        for (JsonNode v : progress.get("visitors")) {
            if (v.get("visitor").asString().equals(slowButler)) {
                slow = v;
            }
        }
        assertThat(slow).isNotNull();
        assertThat(slow.get("elders").asLong()).isEqualTo(3);
        assertThat(slow.get("visited").asLong()).isEqualTo(1);
        assertThat(slow.get("rate").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(slow.get("lagging").asBoolean()).isTrue();
        boolean villageListed = false;
        for (JsonNode part : progress.get("parts")) {
            if (part.get("code").asString().equals(village)) {
                villageListed = true;
                assertThat(part.get("lagging").asBoolean()).isTrue();
            }
        }
        assertThat(villageListed).isTrue();
    }

    @Test
    void photosAreStoredAndEveryReadIsAudited() throws Exception {
        String village = fx.freshVillage();
        long elder = fx.elder("拍照", village, "MINIMUM_LIVING", "EMPTY_NEST");
        long visit = fx.body(fx.record(elder, VisitFixtures.noon(month, 4)).andExpect(status().isCreated()))
                .get("id").asLong();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        long photo = fx.body(mvc.perform(multipart("/api/v1/visits/" + visit + "/photos")
                        .file(new MockMultipartFile("file", "home.png", "image/png", png))
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(multipart("/api/v1/visits/" + visit + "/photos")
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain", "x".getBytes()))
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());

        long readsBefore = jdbc.sql("select count(*) from audit.audit_event where type = 'VISIT_PHOTO_READ' "
                + "and target = :t").param("t", "visit-photo:" + photo).query(Long.class).single();
        byte[] read = fx.get("/api/v1/visits/photos/" + photo).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(read).isEqualTo(png);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'VISIT_PHOTO_READ' and target = :t")
                .param("t", "visit-photo:" + photo).query(Long.class).single()).isEqualTo(readsBefore + 1);

        String outsider = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        VisitFixtures.getAs(mvc, "/api/v1/visits/photos/" + photo, outsider).andExpect(status().isNotFound());
        fx.get("/api/v1/persons/" + elder + "/visits").andExpect(jsonPath("$[0].photoIds[0]").value(photo));
    }

    @Test
    void aHospitalDischargePlansAFollowUpVisitWithin24HoursOfTheEvent() throws Exception {
        String village = fx.freshVillage();
        String butler = Accounts.create(mvc, "TOWNSHIP_STAFF", VisitFixtures.TOWNSHIP);
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + butler + "\"}")
                .andExpect(status().isNoContent());
        long elder = fx.elder("出院老人", village, "MINIMUM_LIVING", "EMPTY_NEST");
        java.time.OffsetDateTime discharged = java.time.OffsetDateTime.now(clock).minusHours(30).withNano(0);
        fx.send(post("/api/v1/visits/events"), """
                {"personId":%d,"kind":"FUNERAL","occurredAt":"%s"}""".formatted(elder, discharged))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        long task = fx.body(fx.send(post("/api/v1/visits/events"), """
                {"personId":%d,"kind":"HOSPITAL_DISCHARGE","occurredAt":"%s","note":"县人民医院出院"}"""
                .formatted(elder, discharged)).andExpect(status().isCreated())).get("followUpTaskId").asLong();

        JsonNode overdue = fx.body(fx.get("/api/v1/visits/overdue?division=" + village));
        assertThat(overdue.size()).isEqualTo(1);
        assertThat(overdue.get(0).get("id").asLong()).isEqualTo(task);
        assertThat(overdue.get(0).get("kind").asString()).isEqualTo("FOLLOW_UP");
        assertThat(overdue.get(0).get("visitor").asString()).isEqualTo(butler);
        assertThat(java.time.Instant.parse(overdue.get(0).get("dueAt").asString()))
                .isEqualTo(discharged.toInstant().plus(Duration.ofHours(24)));
        fx.record(elder, java.time.OffsetDateTime.now(clock).withNano(0).toString()).andExpect(status().isCreated());
        assertThat(fx.body(fx.get("/api/v1/visits/overdue?division=" + village)).size()).isZero();
    }
}
