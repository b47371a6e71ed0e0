package org.yilaoyixiao.lovecard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.assessment.CapabilityLevel;
import org.yilaoyixiao.assessment.CapabilityLevels;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.RecordStatus;

/**
 * Who may receive money on a love card: an active elder living in a pilot area who is 失能/失智 by the assessed level
 * (GB/T 42195-2022 level at or above the policy parameter {@code love-card.min-capability-level}) or of high age
 * ({@code love-card.min-age}), both as in force today.
 */
@Component
class LoveCardEligibility {

    private final LoveCardSettings settings;
    private final LoveCardThresholds thresholds;
    private final CapabilityLevels levels;
    private final DivisionDirectory divisions;
    private final Clock clock;

    LoveCardEligibility(LoveCardSettings settings, LoveCardThresholds thresholds, CapabilityLevels levels,
                        DivisionDirectory divisions, Clock clock) {
        this.settings = settings;
        this.thresholds = thresholds;
        this.levels = levels;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** The decision and, when not eligible, the message keys saying why; when eligible, on what ground. */
    record Decision(boolean eligible, List<String> reasons) {
    }

    Decision decide(PersonSummary person) {
        LocalDate today = BusinessTime.today(clock);
        List<String> missing = new ArrayList<>();
        if (person.status() != RecordStatus.ACTIVE) {
            missing.add("lovecard.eligibility.not-active");
        }
        boolean inPilot = settings.pilotDivisions().stream()
                .anyMatch(pilot -> divisions.isWithin(pilot, person.residenceDivisionCode()));
        if (!inPilot) {
            missing.add("lovecard.eligibility.not-in-pilot");
        }
        int age = person.ageOn(today);
        boolean oldEnough = age >= thresholds.minAge(today);
        boolean disabled = levels.current(person.id()).map(CapabilityLevel::number)
                .filter(level -> level >= thresholds.minCapabilityLevel(today)).isPresent();
        if (!oldEnough && !disabled) {
            missing.add("lovecard.eligibility.neither-disabled-nor-old");
        }
        if (!missing.isEmpty()) {
            return new Decision(false, missing);
        }
        List<String> grounds = new ArrayList<>();
        if (disabled) {
            grounds.add("lovecard.eligibility.disabled");
        }
        if (oldEnough) {
            grounds.add("lovecard.eligibility.old");
        }
        return new Decision(true, grounds);
    }
}
