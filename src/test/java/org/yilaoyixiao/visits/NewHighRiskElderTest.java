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
}
