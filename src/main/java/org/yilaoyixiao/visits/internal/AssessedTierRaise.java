package org.yilaoyixiao.visits.internal;

import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.assessment.CapabilityLevel;
import org.yilaoyixiao.assessment.CapabilityLevelChanged;

/**
 * An elder assessed during the month into a higher visit tier — newly disabled (a target), or newly high-risk — is
 * planned at once instead of next month: the current month, if already planned, is planned again (idempotent; done
 * tasks are kept). The cadence rule then gives the new elder's visits their due dates from today on (decision 0019,
 * {@link TaskRepository#plan}): a high-risk elder added on the 20th is due on the next weekly date, never "overdue"
 * on day one. Runs after the assessment commits, from the event publication registry.
 */
@Component
class AssessedTierRaise {

    private static final Logger log = LoggerFactory.getLogger(AssessedTierRaise.class);

    private final VisitPlans plans;

    AssessedTierRaise(VisitPlans plans) {
        this.plans = plans;
    }

    @ApplicationModuleListener
    void on(CapabilityLevelChanged changed) {
        YearMonth month = plans.currentMonth();
        if (!plans.generated(month)) {
            return; // the month will be planned with this assessment
        }
        CadenceParameters p = plans.parameters(month);
        int before = tier(changed.previousLevel(), p);
        int after = tier(changed.newLevel(), p);
        if (after > before) {
            log.info("Person {} assessed into a higher visit tier ({} → {}): planning {} again", changed.personId(),
                    before, after, month);
            plans.generate(month, "assessment");
        }
    }

    /** 0: not a target by level, 1: a target (disabled), 2: high risk. */
    private static int tier(CapabilityLevel level, CadenceParameters p) {
        int n = level == null ? 0 : level.number();
        return n >= p.highRiskMinLevel() ? 2 : n >= p.disabilityMinLevel() ? 1 : 0;
    }
}
