package org.yilaoyixiao.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;

/**
 * An elder who becomes high-risk in the middle of a month is not overdue on day one (issues 18, 19): the weekly
 * visits already past are not planned, the next ones are.
 */
@PlatformTest
class NewHighRiskElderTest {

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

    @AfterEach
    void realTime() {
        ((TestClock) clock).reset();
    }

    @Test
    void aHighRiskElderAddedOnThe20thHasNoVisitDueBeforeToday() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        YearMonth month = YearMonth.from(BusinessTime.today(clock)).plusMonths(1);
        Instant twentieth = month.atDay(20).atTime(10, 0).atZone(BusinessTime.ZONE).toInstant();
        String village = fx.freshVillage();
        long elder = fx.elder("新增高风险老人", village, "MINIMUM_LIVING", "LIVING_ALONE");
        ((TestClock) clock).advance(Duration.between(clock.instant(), twentieth));
        fx.send(post("/api/v1/visits/overrides"), """
                {"personId":%d,"kind":"HIGH_RISK","reason":"昨日跌倒后独居","fromMonth":"%s"}"""
                .formatted(elder, month)).andExpect(status().isCreated());
        fx.generate(month);

        List<LocalDate> due = jdbc.sql("select due_at from visits.task where person_id = :p and kind = 'HIGH_RISK'"
                        + " and status = 'OPEN' order by due_at").param("p", elder)
                .query((rs, i) -> rs.getTimestamp(1).toInstant().atZone(BusinessTime.ZONE).toLocalDate()).list();
        assertThat(due).isNotEmpty().allSatisfy(day -> assertThat(day).isAfterOrEqualTo(month.atDay(20)));
        assertThat(jdbc.sql("select count(*) from visits.task where person_id = :p and status = 'OPEN'"
                + " and due_at < :now").param("p", elder).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single()).isZero();
    }

    @Test
    void anElderAssessedHighRiskOnThe20thIsPlannedAtOnceWithNoVisitDueBeforeThatDay() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        YearMonth month = YearMonth.from(BusinessTime.today(clock)).plusMonths(1);
        String village = fx.freshVillage();
        // a hand-made elder living alone on minimum living allowance: a standard target, visited once a month
        long elder = fx.elder("新评重度失能", village, "MINIMUM_LIVING", "LIVING_ALONE");
        Instant twentieth = month.atDay(20).atTime(9, 30).atZone(BusinessTime.ZONE).toInstant();
        ((TestClock) clock).advance(Duration.between(clock.instant(), twentieth));
        fx.generate(month);
        assertThat(tasks(elder, "MONTHLY")).hasSize(1);

        // assessed today as severely disabled (level 3 ≥ the high-risk level of the cadence parameters)
        fx.assess(elder, month.atDay(20), 3);
        long deadline = System.currentTimeMillis() + 30_000; // planned after the assessment commits, on another thread
        while (tasks(elder, "HIGH_RISK").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<LocalDate> due = tasks(elder, "HIGH_RISK");
        assertThat(due).isNotEmpty().allSatisfy(day -> assertThat(day).isAfterOrEqualTo(month.atDay(20)));
        // the weekly rule from the 1st: the 21st and the 28th are the dates still ahead on the 20th
        assertThat(due).first().isEqualTo(month.atDay(21));
        assertThat(tasks(elder, "MONTHLY")).isEmpty();
        assertThat(jdbc.sql("select count(*) from visits.task where person_id = :p and status = 'OPEN'"
                + " and due_at < :now").param("p", elder).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single()).isZero();
    }

    private List<LocalDate> tasks(long elder, String kind) {
        return jdbc.sql("select due_at from visits.task where person_id = :p and kind = :k and status = 'OPEN'"
                        + " order by due_at").param("p", elder).param("k", kind)
                .query((rs, i) -> rs.getTimestamp(1).toInstant().atZone(BusinessTime.ZONE).toLocalDate()).list();
    }
}
