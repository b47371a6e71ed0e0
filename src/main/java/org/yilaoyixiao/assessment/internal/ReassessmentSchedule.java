package org.yilaoyixiao.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Who is due for reassessment: people whose latest assessment is at least the reassessment interval
 * ({@code yly.assessment.reassessment-interval}, default 12 months) old.
 */
@Service
class ReassessmentSchedule {

    private final AssessmentRepository assessments;
    private final DivisionDirectory divisions;
    private final Clock clock;
    private final Period interval;

    ReassessmentSchedule(AssessmentRepository assessments, DivisionDirectory divisions, Clock clock,
                         @Value("${yly.assessment.reassessment-interval:P12M}") Period interval) {
        this.assessments = assessments;
        this.divisions = divisions;
        this.clock = clock;
        this.interval = interval;
    }

    record Due(AssessmentRecord latest, LocalDate dueOn) {
    }

    /** People in a division (default: the actor's scope) due today, most overdue first. */
    List<Due> due(String division, CurrentUser actor) {
        LocalDate today = LocalDate.now(clock);
        return assessments.latestIn(scope(division, actor)).stream()
                .map(latest -> new Due(latest, latest.assessedOn().plus(interval)))
                .filter(due -> !due.dueOn().isAfter(today)).toList();
    }

    private Set<String> scope(String division, CurrentUser actor) {
        if (division == null || division.isBlank()) {
            return divisions.subtreeCodes(actor.divisionCode());
        }
        if (!divisions.isWithin(actor.divisionCode(), division)) {
            throw ApiException.forbidden("assessment.division.out-of-scope", division);
        }
        return divisions.subtreeCodes(division);
    }
}
