package org.yilaoyixiao.lovecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.services.ServiceOrderCancelled;
import org.yilaoyixiao.services.ServiceOrderCompleted;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The love card over real HTTP and the real ledger. Orders are completed here by publishing the services module's
 * events in a transaction, as the services module does, so the card is tested on its contract alone.
 */
@PlatformTest
class LoveCardApiTest {

    private static final AtomicLong ORDER = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    PlacementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlacementFixtures(mvc, json);
    }

    /** An elder of the given age living in the given village (鹤城街道's first village by default). */
    private long elder(String name, int age, String village) throws Exception {
        LocalDate birth = LocalDate.now().minusYears(age).minusDays(40);
        return fixtures.id(fixtures.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,"livingSituation":[]}
                """.formatted(TestIdNumbers.next(birth), name, village)));
    }

    private ResultActions topUp(long person, String source, String amount, String donor, String key) throws Exception {
        return fixtures.send(post("/api/v1/love-cards/" + person + "/top-ups"), """
                {"source":"%s","amount":%s,"reference":"青民〔2026〕12号","donor":%s,"idempotencyKey":"%s"}
                """.formatted(source, amount, donor == null ? "null" : "\"" + donor + "\"", key));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private JsonNode card(long person) throws Exception {
        return fixtures.body(fixtures.get("/api/v1/love-cards/" + person).andExpect(status().isOk()));
    }

    private long complete(long person, String price) {
        long order = ORDER.incrementAndGet();
        transactions.executeWithoutResult(status -> events.publishEvent(new ServiceOrderCompleted(order, person,
                PlacementFixtures.VILLAGE, "MEALS", "MEALS-LUNCH", new BigDecimal(price), Instant.now())));
        return order;
    }

    private void cancel(long person, long order) {
        transactions.executeWithoutResult(status -> events.publishEvent(new ServiceOrderCancelled(order, person, true,
                "服务未到场", Instant.now())));
    }

    @Test
    void topsUpOnceAndRefusesBadAmountsAndPeopleWhoDoNotQualify() throws Exception {
        long old = elder("爱心甲", 85, PlacementFixtures.VILLAGE);
        String key = key();
        topUp(old, "GOVERNMENT", "100.00", null, key).andExpect(status().isCreated())
                .andExpect(jsonPath("$.replayed").value(false))
                .andExpect(jsonPath("$.balances.GOVERNMENT").value(100.00))
                .andExpect(jsonPath("$.total").value(100.00));
        topUp(old, "GOVERNMENT", "100.00", null, key).andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true))
                .andExpect(jsonPath("$.total").value(100.00));
        topUp(old, "GOVERNMENT", "90.00", null, key).andExpect(status().isConflict());
        topUp(old, "GOVERNMENT", "0", null, key()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        topUp(old, "FAMILY", "-5", null, key()).andExpect(status().isBadRequest());
        topUp(old, "DONATION", "10", null, key()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("donor"));
        topUp(old, "LOTTERY", "10", null, key()).andExpect(status().isBadRequest());
        assertThat(card(old).get("total").decimalValue()).isEqualByComparingTo("100");

        long young = elder("爱心乙", 66, PlacementFixtures.VILLAGE);
        assertThat(card(young).get("eligible").asBoolean()).isFalse();
        topUp(young, "FAMILY", "10", null, key()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_ELIGIBLE"));
        long elsewhere = elder("爱心丙", 88, "331121002901");
        topUp(elsewhere, "FAMILY", "10", null, key()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.detail").value("此人不住在爱心卡试点区域。"));
    }

    @Autowired
    org.yilaoyixiao.support.TestClock clock;

    @Test
    void theAgeThresholdIsADatedPolicyParameterThatChangesEligibilityFromItsDateOnly() throws Exception {
        // far enough ahead that no other test's clock reaches it
        LocalDate from = LocalDate.now(org.yilaoyixiao.platform.time.BusinessTime.ZONE).plusYears(10);
        LocalDate birth = from.minusYears(78).minusDays(40);
        long person = fixtures.id(fixtures.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"门槛老人","residenceDivisionCode":"%s","localHukou":true,"livingSituation":[]}
                """.formatted(TestIdNumbers.next(birth), PlacementFixtures.VILLAGE)));
        assertThat(card(person).get("eligible").asBoolean()).isFalse();
        fixtures.send(post("/api/v1/policy/parameters/love-card.min-age/values"), """
                {"effectiveFrom":"%s","value":75,"reference":"青民〔2036〕3号 第二条"}""".formatted(from))
                .andExpect(status().isCreated());
        // still 80 today: the new value counts from its date only
        assertThat(card(person).get("eligible").asBoolean()).isFalse();
        try {
            clock.advance(java.time.Duration.between(java.time.Instant.now(),
                    from.plusDays(1).atStartOfDay(org.yilaoyixiao.platform.time.BusinessTime.ZONE).toInstant()));
            // 78 then, and 75 is enough from that day
            assertThat(card(person).get("eligible").asBoolean()).isTrue();
            assertThat(card(person).get("reasons").get(0).asString()).isEqualTo("lovecard.eligibility.old");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aYoungerElderAssessedAsDisabledQualifies() throws Exception {
        long person = elder("爱心丁", 66, PlacementFixtures.VILLAGE);
        String items = org.yilaoyixiao.assessment.AssessmentItems.standard().all().stream()
                .map(i -> "\"" + i.code() + "\":" + (i.group().equals("B.1") ? 1 : i.maxScore()))
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        fixtures.send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"%s","reason":"FIRST","place":"家中","assessors":["甲","乙"],
                 "items":%s,"coma":false,"diagnoses":[],"riskEventsLast30Days":0}
                """.formatted(person, LocalDate.now().minusDays(2), items)).andExpect(status().isCreated());
        assertThat(card(person).get("eligible").asBoolean()).isTrue();
        assertThat(card(person).get("reasons").get(0).asString()).isEqualTo("lovecard.eligibility.disabled");
        topUp(person, "COLLECTIVE", "20", null, key()).andExpect(status().isCreated());
    }

    @Test
    void paysForACompletedOrderInTheFixedOrderOfSourcesOnceAndRefundsACancelledOne() throws Exception {
        long person = elder("爱心戊", 90, PlacementFixtures.VILLAGE);
        topUp(person, "GOVERNMENT", "50", null, key()).andExpect(status().isCreated());
        topUp(person, "COLLECTIVE", "30", null, key()).andExpect(status().isCreated());
        topUp(person, "DONATION", "15.50", "青田华侨联合会", key()).andExpect(status().isCreated());
        topUp(person, "FAMILY", "20", null, key()).andExpect(status().isCreated());

        long lunch = complete(person, "60");
        JsonNode after = card(person);
        assertThat(after.get("balances").get("GOVERNMENT").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.get("balances").get("COLLECTIVE").decimalValue()).isEqualByComparingTo("20");
        assertThat(after.get("total").decimalValue()).isEqualByComparingTo("55.50");

        // the event delivered again: nothing more is taken
        transactions.executeWithoutResult(status -> events.publishEvent(new ServiceOrderCompleted(lunch, person,
                PlacementFixtures.VILLAGE, "MEALS", "MEALS-LUNCH", new BigDecimal("60"), Instant.now())));
        assertThat(card(person).get("total").decimalValue()).isEqualByComparingTo("55.50");

        // more than is left: the card pays what it has, the elder the rest
        long bath = complete(person, "80");
        assertThat(card(person).get("total").decimalValue()).isEqualByComparingTo("0");
        var payment = jdbc.sql("select card_paid, self_pay from lovecard.payment where order_id = :o")
                .param("o", bath).query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .single();
        assertThat(payment[0]).isEqualByComparingTo("55.50");
        assertThat(payment[1]).isEqualByComparingTo("24.50");

        cancel(person, lunch);
        cancel(person, lunch);
        JsonNode refunded = card(person);
        assertThat(refunded.get("balances").get("GOVERNMENT").decimalValue()).isEqualByComparingTo("50");
        assertThat(refunded.get("balances").get("COLLECTIVE").decimalValue()).isEqualByComparingTo("10");
        assertThat(refunded.get("total").decimalValue()).isEqualByComparingTo("60");

        // a person without a card: the order completes, nothing is paid from a card
        long noCard = elder("爱心己", 70, "331121002901");
        long order = complete(noCard, "12");
        assertThat(jdbc.sql("select count(*) from lovecard.payment where order_id = :o").param("o", order)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void statementsAddUpPerSourceForTheElderAndForTheFunder() throws Exception {
        JsonNode donationBefore = funder("DONATION");
        JsonNode familyBefore = funder("FAMILY");
        long person = elder("爱心庚", 92, PlacementFixtures.VILLAGE);
        topUp(person, "DONATION", "40", "某爱心企业", key()).andExpect(status().isCreated());
        topUp(person, "FAMILY", "25", null, key()).andExpect(status().isCreated());
        complete(person, "50");
        long second = complete(person, "5");
        cancel(person, second);

        JsonNode statement = fixtures.body(fixtures.get("/api/v1/love-cards/" + person + "/statement")
                .andExpect(status().isOk()));
        for (String source : List.of("GOVERNMENT", "COLLECTIVE", "DONATION", "FAMILY")) {
            BigDecimal opening = statement.get("opening").get(source).decimalValue();
            BigDecimal in = statement.get("in").get(source).decimalValue();
            BigDecimal out = statement.get("out").get(source).decimalValue();
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode line : statement.get("lines")) {
                if (line.get("source").asString().equals(source)) {
                    sum = sum.add(line.get("amount").decimalValue());
                }
            }
            assertThat(opening.add(in).subtract(out)).as(source)
                    .isEqualByComparingTo(statement.get("closing").get(source).decimalValue());
            assertThat(in.subtract(out)).as(source).isEqualByComparingTo(sum);
            assertThat(statement.get("closing").get(source).decimalValue()).as(source)
                    .isEqualByComparingTo(card(person).get("balances").get(source).decimalValue());
        }
        assertThat(statement.get("closing").get("DONATION").decimalValue()).isEqualByComparingTo("0");
        assertThat(statement.get("closing").get("FAMILY").decimalValue()).isEqualByComparingTo("15");
        assertThat(statement.get("lines")).hasSize(6);

        // fixed order: the 50 took all 40 of the donation and 10 of the family's; the 5 (refunded) was the family's
        assertFunderMoved(donationBefore, funder("DONATION"), "40", "40", "0");
        assertFunderMoved(familyBefore, funder("FAMILY"), "25", "15", "5");
    }

    private JsonNode funder(String source) throws Exception {
        return fixtures.body(fixtures.get("/api/v1/love-cards/funders/" + source + "/statement?division="
                + PlatformTest.HECHENG).andExpect(status().isOk()));
    }

    private static void assertFunderMoved(JsonNode before, JsonNode after, String toppedUp, String spent,
                                          String refunded) {
        assertThat(after.get("toppedUp").decimalValue().subtract(before.get("toppedUp").decimalValue()))
                .isEqualByComparingTo(toppedUp);
        assertThat(after.get("spent").decimalValue().subtract(before.get("spent").decimalValue()))
                .isEqualByComparingTo(spent);
        assertThat(after.get("refunded").decimalValue().subtract(before.get("refunded").decimalValue()))
                .isEqualByComparingTo(refunded);
        assertThat(after.get("net").decimalValue()).isEqualByComparingTo(after.get("toppedUp").decimalValue()
                .subtract(after.get("spent").decimalValue()).add(after.get("refunded").decimalValue()));
    }

    @Test
    void anAllocationTopsUpEveryQualifyingCardOnce() throws Exception {
        long old = elder("爱心辛", 83, PlacementFixtures.VILLAGE);
        long young = elder("爱心壬", 61, PlacementFixtures.VILLAGE);
        String body = """
                {"source":"GOVERNMENT","amountPerCard":30,"division":"%s","reference":"青财〔2026〕8号",
                 "idempotencyKey":"%s"}
                """.formatted(PlacementFixtures.VILLAGE, key());
        JsonNode first = fixtures.body(fixtures.send(post("/api/v1/love-cards/allocations"), body)
                .andExpect(status().isCreated()));
        assertThat(first.get("cards").asInt()).isPositive();
        assertThat(first.get("total").decimalValue())
                .isEqualByComparingTo(new BigDecimal("30").multiply(BigDecimal.valueOf(first.get("cards").asInt())));
        assertThat(card(old).get("balances").get("GOVERNMENT").decimalValue()).isEqualByComparingTo("30");
        assertThat(card(young).get("issued").asBoolean()).isFalse();

        fixtures.send(post("/api/v1/love-cards/allocations"), body).andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        assertThat(card(old).get("balances").get("GOVERNMENT").decimalValue()).isEqualByComparingTo("30");

        fixtures.send(post("/api/v1/love-cards/allocations"), body.replace(PlacementFixtures.VILLAGE, "331121002901")
                        .replace("\"idempotencyKey\":\"", "\"idempotencyKey\":\"x"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.cards").value(0));
    }

    @Test
    void twoOrdersCompletingAtOnceNeverSpendTheLastBalanceTwice() throws Exception {
        long person = elder("爱心癸", 95, PlacementFixtures.VILLAGE);
        topUp(person, "GOVERNMENT", "30", null, key()).andExpect(status().isCreated());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Long> orders = List.of(ORDER.incrementAndGet(), ORDER.incrementAndGet());
        try {
            List<Future<Boolean>> done = orders.stream().map(order -> pool.submit(() -> {
                start.await();
                transactions.executeWithoutResult(status -> events.publishEvent(new ServiceOrderCompleted(order,
                        person, PlacementFixtures.VILLAGE, "CLEANING", "CLEANING-HOME", new BigDecimal("30"),
                        Instant.now())));
                return true;
            })).toList();
            start.countDown();
            for (Future<Boolean> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<BigDecimal> paid = jdbc.sql("select card_paid from lovecard.payment where order_id in (:o) order by card_paid")
                .param("o", orders).query(BigDecimal.class).list();
        assertThat(paid).hasSize(2);
        assertThat(paid.get(0)).isEqualByComparingTo("0");
        assertThat(paid.get(1)).isEqualByComparingTo("30");
        assertThat(card(person).get("total").decimalValue()).isEqualByComparingTo("0");
    }
}
