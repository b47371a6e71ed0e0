package org.yilaoyixiao.indicators.internal;

import org.springframework.context.ApplicationContext;

/** Reaches the indicator computation from the benchmark harness (test sources only). */
public final class IndicatorProbe {

    private final IndicatorComputation computation;

    public IndicatorProbe(ApplicationContext app) {
        this.computation = app.getBean(IndicatorComputation.class);
    }

    /** Recomputes every computed indicator for every division of the county for a year; answers the milliseconds. */
    public long recompute(int year) {
        IndicatorComputation.Snapshot snapshot = computation.compute(year);
        return snapshot.millis();
    }

    public int divisions(int year) {
        return computation.snapshot(year).tree().size();
    }

    public int computedIndicators(int year) {
        return computation.snapshot(year).totals().size();
    }

    public int currentYear() {
        return computation.currentYear();
    }

    /** Drops the kept results, so the next dashboard recomputes. */
    public void forget() {
        computation.forget();
    }
}
