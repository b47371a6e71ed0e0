package org.yilaoyixiao.assessment;

import java.time.LocalDate;

/**
 * Published inside the transaction that records an assessment whose final level differs from the person's previous
 * current level; {@code previousLevel} is null for a person's first assessment.
 */
public record CapabilityLevelChanged(long personId, CapabilityLevel previousLevel, CapabilityLevel newLevel,
        LocalDate assessedOn) {
}
