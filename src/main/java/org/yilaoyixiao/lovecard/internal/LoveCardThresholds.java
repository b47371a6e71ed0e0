package org.yilaoyixiao.lovecard.internal;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.policy.PolicyParameters;

/**
 * Who qualifies for a love card on a day, as dated policy parameters (decision 0038): the GB/T 42195-2022 level from
 * which an elder counts as 失能/失智 for the card, and the age from which an elder qualifies by age alone (高龄).
 */
@Component
class LoveCardThresholds {

    static final String MIN_LEVEL = "love-card.min-capability-level";
    static final String MIN_AGE = "love-card.min-age";

    private final PolicyParameters parameters;

    LoveCardThresholds(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    int minCapabilityLevel(LocalDate day) {
        return parameters.valueAsOf(MIN_LEVEL, day).value().intValue();
    }

    int minAge(LocalDate day) {
        return parameters.valueAsOf(MIN_AGE, day).value().intValue();
    }
}
