package org.yilaoyixiao.registry.internal.demo;

import java.time.Duration;

/** How the demo population load ended; {@code totals} and {@code took} only when people were loaded. */
record DemoLoadOutcome(Result result, double scale, DemoPopulationTotals totals, Duration took) {

    enum Result {
        /** Synthetic people were loaded. */
        LOADED,
        /** No demo population asked for: scale 0, demo data off, or an external database without a scale. */
        NOT_REQUESTED,
        /** The registry already had people (real, or synthetic from an earlier start): nothing loaded. */
        REGISTRY_NOT_EMPTY
    }

    static DemoLoadOutcome notRequested() {
        return new DemoLoadOutcome(Result.NOT_REQUESTED, 0, null, null);
    }

    static DemoLoadOutcome registryNotEmpty(double scale) {
        return new DemoLoadOutcome(Result.REGISTRY_NOT_EMPTY, scale, null, null);
    }
}
