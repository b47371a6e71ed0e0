package org.yilaoyixiao.indicators;

import java.time.LocalDate;

/**
 * The period an actual is computed for: a calendar year, observed on {@code asOf} — the last day of the year, or
 * today for the running year.
 */
public record IndicatorPeriod(int year, LocalDate asOf) {
}
