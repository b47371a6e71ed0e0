package org.yilaoyixiao.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** The target rule, condition by condition; manual overrides; tiers; the monthly changes; idempotent planning. */
@PlatformTest
class VisitTargetsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    Clock clock;

    VisitFixtures fx;
    YearMonth month;

    @BeforeEach
    void setUp() {
        fx = new VisitFixtures(mvc, json, divisions);
        month = YearMonth.from(BusinessTime.today(clock)).minusMonths(1);
    }

    private static List<String> reasons(JsonNode target) {
        List<String> reasons = new ArrayList<>();
        target.get("reasons").forEach(r -> reasons.add(r.asString()));
        return reasons;
    }

    @Test
    void eachConditionAloneMakesAnEconomicallyDifficultElderATarget() throws Exception {
        String village = fx.freshVillage();
        long emptyNest = fx.elder("空巢甲", village, "MINIMUM_LIVING", "EMPTY_NEST");
        long leftBehind = fx.elder("留守乙", village, "LOW_INCOME_MARGINAL", "LEFT_BEHIND");
        long alone = fx.elder("独居丙", village, "EXTREME_POVERTY", "LIVING_ALONE");
        long handicapped = fx.elder("重残丁", village, "MINIMUM_LIVING", "SEVERE_DISABILITY");
        long familyPlanning = fx.elder("计生戊", village, "MINIMUM_LIVING", "FAMILY_PLANNING_SPECIAL");
        long disabled = fx.elder("失能己", village, "MINIMUM_LIVING");
        fx.assess(disabled, month.atDay(3), 1);
        long intact = fx.elder("能力完好庚", village, "MINIMUM_LIVING");
        fx.assess(intact, month.atDay(3), 0);
        long noEconomicStatus = fx.elder("无困难辛", village, "NONE", "LIVING_ALONE", "EMPTY_NEST");
        long noCondition = fx.elder("无情形壬", village, "MINIMUM_LIVING");
        long notAnElder = fx.person("中年癸", TestIdNumbers.next(LocalDate.of(1975, 5, 5)), village,
                "MINIMUM_LIVING", "LIVING_ALONE");
        long severe = fx.elder("重度失能子", village, "EXTREME_POVERTY", "LIVING_ALONE");
        fx.assess(severe, month.atDay(4), 3);

        fx.generate(month);
        JsonNode page = fx.targetsOf(village, month);
        assertThat(page.get("totalElements").asLong()).isEqualTo(7);
        assertThat(reasons(VisitFixtures.find(page, emptyNest))).containsExactly("MINIMUM_LIVING", "EMPTY_NEST");
        assertThat(reasons(VisitFixtures.find(page, leftBehind))).containsExactly("LOW_INCOME_MARGINAL",
                "LEFT_BEHIND");
        assertThat(reasons(VisitFixtures.find(page, alone))).containsExactly("EXTREME_POVERTY", "LIVING_ALONE");
        assertThat(reasons(VisitFixtures.find(page, handicapped))).containsExactly("MINIMUM_LIVING",
                "SEVERE_DISABILITY");
        assertThat(reasons(VisitFixtures.find(page, familyPlanning))).containsExactly("MINIMUM_LIVING",
                "FAMILY_PLANNING_SPECIAL");
        assertThat(reasons(VisitFixtures.find(page, disabled))).containsExactly("MINIMUM_LIVING", "DISABLED");
        assertThat(reasons(VisitFixtures.find(page, severe))).containsExactly("EXTREME_POVERTY", "LIVING_ALONE",
                "DISABLED");
        for (long nobody : new long[]{intact, noEconomicStatus, noCondition, notAnElder}) {
            assertThat(VisitFixtures.find(page, nobody)).as("person %d is no target", nobody).isNull();
        }
        assertThat(VisitFixtures.find(page, emptyNest).get("tier").asString()).isEqualTo("STANDARD");
        assertThat(VisitFixtures.find(page, disabled).get("tier").asString()).isEqualTo("STANDARD");
        assertThat(VisitFixtures.find(page, severe).get("tier").asString()).isEqualTo("HIGH");
    }

    @Test
    void manualAdditionsAndRemovalsNeedAReasonAndAreListedAsChanges() throws Exception {
        String village = fx.freshVillage();
        long ruled = fx.elder("规则内", village, "MINIMUM_LIVING", "LIVING_ALONE");
        long outside = fx.elder("规则外", village, "NONE", "LIVING_ALONE");
        long flagged = fx.elder("标记高风险", village, "MINIMUM_LIVING", "EMPTY_NEST");
        YearMonth next = month.plusMonths(1);

        fx.send(post("/api/v1/visits/overrides"), """
                {"personId":%d,"kind":"ADD","reason":" "}""".formatted(outside))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        fx.send(post("/api/v1/visits/overrides"), """
                {"personId":%d,"kind":"ADD","reason":"子女均在国外，村委会申请纳入","fromMonth":"%s"}"""
                .formatted(outside, month)).andExpect(status().isCreated());
        fx.send(post("/api/v1/visits/overrides"), """
                {"personId":%d,"kind":"HIGH_RISK","reason":"近期多次跌倒","fromMonth":"%s"}"""
                .formatted(flagged, month)).andExpect(status().isCreated());
        fx.generate(month);
        JsonNode page = fx.targetsOf(village, month);
        assertThat(reasons(VisitFixtures.find(page, outside))).containsExactly("LIVING_ALONE", "MANUAL");
        assertThat(VisitFixtures.find(page, ruled)).isNotNull();
        assertThat(VisitFixtures.find(page, flagged).get("tier").asString()).isEqualTo("HIGH");

        long removal = fx.body(fx.send(post("/api/v1/visits/overrides"), """
                {"personId":%d,"kind":"REMOVE","reason":"已长期随子女居住外地","fromMonth":"%s"}"""
                .formatted(ruled, next)).andExpect(status().isCreated())).get("id").asLong();
        fx.generate(next);
        JsonNode nextPage = fx.targetsOf(village, next);
        assertThat(VisitFixtures.find(nextPage, ruled)).isNull();
        assertThat(VisitFixtures.find(nextPage, outside)).isNotNull();
        fx.get("/api/v1/visits/targets/changes?division=" + village + "&month=" + next)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].personId").value(ruled))
                .andExpect(jsonPath("$[0].change").value("REMOVED"));
        // the month before is untouched by an override that starts later
        assertThat(VisitFixtures.find(fx.targetsOf(village, month), ruled)).isNotNull();

        fx.send(post("/api/v1/visits/overrides/" + removal + "/revocation"), "{\"reason\":\"已回村居住\"}")
                .andExpect(status().isNoContent());
        fx.send(post("/api/v1/visits/overrides/" + removal + "/revocation"), "{\"reason\":\"再次撤销\"}")
                .andExpect(status().isConflict());
        fx.generate(next);
        assertThat(VisitFixtures.find(fx.targetsOf(village, next), ruled)).isNotNull();
    }

    @Test
    void planningAMonthTwiceCreatesNothingNewAndHighRiskEldersGetWeeklyTasks() throws Exception {
        String village = fx.freshVillage();
        long standard = fx.elder("一般对象", village, "MINIMUM_LIVING", "EMPTY_NEST");
        long high = fx.elder("高风险对象", village, "EXTREME_POVERTY", "LIVING_ALONE");
        fx.assess(high, month.atDay(2), 3);

        fx.generate(month);
        JsonNode tasks = fx.body(fx.get("/api/v1/visits/overdue?division=" + village).andExpect(status().isOk()));
        assertThat(count(tasks, standard, "MONTHLY")).isEqualTo(1);
        assertThat(count(tasks, high, "HIGH_RISK")).isEqualTo(month.lengthOfMonth() / 7);

        JsonNode again = fx.generate(month);
        assertThat(again.get("tasksCreated").asInt()).isZero();
        assertThat(again.get("tasksCancelled").asInt()).isZero();
        JsonNode tasksAgain = fx.body(fx.get("/api/v1/visits/overdue?division=" + village));
        assertThat(tasksAgain.size()).isEqualTo(tasks.size());
    }

    private static long count(JsonNode tasks, long person, String kind) {
        long n = 0;
        for (JsonNode t : tasks) {
            if (t.get("personId").asLong() == person && t.get("kind").asString().equals(kind)) {
                n++;
            }
        }
        return n;
    }
}
