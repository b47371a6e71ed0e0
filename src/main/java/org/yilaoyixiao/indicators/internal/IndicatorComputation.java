package org.yilaoyixiao.indicators.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Runs every {@link IndicatorSource} for a period and adds the counts up the division tree. A result is kept for at
 * most {@code yly.indicators.max-age} (default one minute) so that a dashboard opened by many leaders does not
 * recompute each time, yet every number is never older than that and carries the time it was computed (decision 0015).
 */
@Component
class IndicatorComputation {

    private static final Logger log = LoggerFactory.getLogger(IndicatorComputation.class);

    /** The totals of one computation: indicator code → division code → summed numerator and denominator. */
    record Snapshot(IndicatorPeriod period, Map<String, Map<String, IndicatorCount>> totals, List<Division> tree,
                    Instant computedAt, long millis) {

        IndicatorCount count(String code, String divisionCode) {
            Map<String, IndicatorCount> byDivision = totals.get(code);
            return byDivision == null ? null : byDivision.getOrDefault(divisionCode, IndicatorCount.ZERO);
        }
    }

    private final Map<String, IndicatorSource> sources = new HashMap<>();
    private final DivisionDirectory divisions;
    private final String countyCode;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<Integer, Snapshot> cache = new ConcurrentHashMap<>();

    IndicatorComputation(List<IndicatorSource> sources, DivisionDirectory divisions,
                         @Value("${yly.county-code}") String countyCode, Clock clock,
                         @Value("${yly.indicators.max-age:PT1M}") Duration maxAge) {
        for (IndicatorSource source : sources) {
            IndicatorSource clash = this.sources.put(source.code(), source);
            if (clash != null) {
                throw new IllegalStateException("Two sources compute indicator " + source.code() + ": "
                        + clash.getClass().getName() + " and " + source.getClass().getName());
            }
        }
        this.divisions = divisions;
        this.countyCode = countyCode;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    boolean isComputed(String code) {
        return sources.containsKey(code);
    }

    int currentYear() {
        return BusinessTime.today(clock).getYear();
    }

    IndicatorPeriod period(int year) {
        LocalDate today = BusinessTime.today(clock);
        LocalDate end = LocalDate.of(year, 12, 31);
        return new IndicatorPeriod(year, end.isAfter(today) ? today : end);
    }

    /** The totals of a year, recomputed when older than the maximum age. */
    Snapshot snapshot(int year) {
        Snapshot cached = cache.get(year);
        if (cached != null && Duration.between(cached.computedAt(), clock.instant()).compareTo(maxAge) < 0
                && cached.period().equals(period(year))) {
            return cached;
        }
        Snapshot fresh = compute(year);
        cache.put(year, fresh);
        return fresh;
    }

    /** Recomputes every computed indicator for every division of the county, now. */
    Snapshot compute(int year) {
        long start = System.nanoTime();
        IndicatorPeriod period = period(year);
        List<Division> tree = divisions.subtree(countyCode);
        DivisionRollUp rollUp = new DivisionRollUp(tree);
        Map<String, Map<String, IndicatorCount>> totals = new HashMap<>();
        sources.forEach((code, source) -> totals.put(code, rollUp.rollUp(source.countByDivision(period))));
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.debug("Computed {} indicators for {} divisions of {} in {} ms", totals.size(), tree.size(), year, millis);
        return new Snapshot(period, Map.copyOf(totals), List.copyOf(tree), clock.instant(), millis);
    }

    void forget() {
        cache.clear();
    }

    /** Recomputes a year now and keeps the result, so every page shows it from now on (a clerk's "重新计算"). */
    Snapshot recompute(int year) {
        cache.clear();
        Snapshot fresh = compute(year);
        cache.put(year, fresh);
        return fresh;
    }
}
