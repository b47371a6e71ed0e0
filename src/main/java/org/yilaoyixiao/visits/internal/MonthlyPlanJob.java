package org.yilaoyixiao.visits.internal;

import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans each month once, early on its first day (checked daily, so a server that was down on the 1st catches up).
 * Later recomputations of a month are a supervisor's explicit act.
 */
@Component
class MonthlyPlanJob {

    private static final Logger log = LoggerFactory.getLogger(MonthlyPlanJob.class);

    private final VisitPlans plans;
    private final boolean enabled;

    MonthlyPlanJob(VisitPlans plans, @Value("${yly.visits.monthly-plan.enabled:true}") boolean enabled) {
        this.plans = plans;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${yly.visits.monthly-plan.cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    void planThisMonth() {
        YearMonth month = plans.currentMonth();
        if (enabled && !plans.generated(month)) {
            log.info("Visit plan for {}: {}", month, plans.generate(month, "system"));
        }
    }
}
