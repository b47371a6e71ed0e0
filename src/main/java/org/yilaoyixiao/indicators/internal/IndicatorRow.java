package org.yilaoyixiao.indicators.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One indicator for one division and year: the actual with how it was obtained, against the baseline and target.
 * {@code gap} is target − actual (what is still to go; negative when beyond the target).
 */
record IndicatorRow(IndicatorDefinition definition, String divisionCode, int year, BigDecimal actual, Source source,
                    Long numerator, Long denominator, LocalDate asOf, Instant computedAt, BigDecimal target,
                    BigDecimal expected, BigDecimal gap, IndicatorStatus status, ReportedValues.Reported reported) {

    enum Source { COMPUTED, REPORTED }
}
