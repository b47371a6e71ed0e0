package org.yilaoyixiao.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Who is due for assessment: people whose latest GB/T 42195-2022 assessment is at least the reassessment interval
 * ({@code yly.assessment.reassessment-interval}, default 12 months) old, and people known only by an imported
 * MZ/T 039-2013 result of that age, who need a first assessment under the current standard.
 */
@Service
class ReassessmentSchedule {

    private final AssessmentRepository assessments;
    private final LegacyAssessmentRepository legacy;
    private final DivisionDirectory divisions;
    private final Clock clock;
    private final Period interval;

    ReassessmentSchedule(AssessmentRepository assessments, LegacyAssessmentRepository legacy,
                         DivisionDirectory divisions, Clock clock,
                         @Value("${yly.assessment.reassessment-interval:P12M}") Period interval) {
        this.assessments = assessments;
        this.legacy = legacy;
        this.divisions = divisions;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * One person due: the latest result they have, under its own scheme ({@code currentLevel} only for GB/T
     * 42195-2022, {@code legacyLevel} only for MZ/T 039-2013), and the date the assessment fell due.
     */
    record Due(long personId, String divisionCode, String scheme, long latestAssessmentId, LocalDate lastAssessedOn,
               Integer currentLevel, Integer legacyLevel, LocalDate dueOn) {

        public boolean firstUnderCurrentStandard() {
            return legacyLevel != null;
        }
    }

    /** People in a division (default: the actor's scope) due today, most overdue first. */
    List<Due> due(String division, CurrentUser actor) {
        LocalDate today = LocalDate.now(clock);
        Set<String> scope = scope(division, actor);
        List<Due> due = new ArrayList<>();
        for (AssessmentRecord latest : assessments.latestIn(scope)) {
            due.add(new Due(latest.personId(), latest.divisionCode(), latest.scheme(), latest.id(),
                    latest.assessedOn(), latest.finalLevel().number(), null, latest.assessedOn().plus(interval)));
        }
        for (LegacyAssessment latest : legacy.latestWithoutCurrentStandardIn(scope)) {
            due.add(new Due(latest.personId(), latest.divisionCode(), latest.scheme(), latest.id(),
                    latest.assessedOn(), null, latest.level().number(), latest.assessedOn().plus(interval)));
        }
        return due.stream().filter(d -> !d.dueOn().isAfter(today))
                .sorted(Comparator.comparing(Due::dueOn).thenComparing(Due::personId)).toList();
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
