package org.yilaoyixiao.visits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.support.PlatformTest;

/** The daily check plans the current month once; later runs leave a planned month alone. */
@PlatformTest
class MonthlyPlanJobTest {

    @Autowired
    MonthlyPlanJob job;

    @Autowired
    VisitPlans plans;

    @Autowired
    JdbcClient jdbc;

    private long generations() {
        return jdbc.sql("select count(*) from audit.audit_event where type = 'VISIT_PLAN_GENERATED' and target = :t")
                .param("t", "visit-month:" + plans.currentMonth()).query(Long.class).single();
    }

    @Test
    void plansTheCurrentMonthOnlyOnce() {
        job.planThisMonth();
        assertThat(plans.generated(plans.currentMonth())).isTrue();
        long after = generations();
        assertThat(after).isPositive();
        job.planThisMonth();
        job.planThisMonth();
        assertThat(generations()).isEqualTo(after);
    }
}
