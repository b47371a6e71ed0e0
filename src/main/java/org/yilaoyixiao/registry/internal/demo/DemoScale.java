package org.yilaoyixiao.registry.internal.demo;

import java.util.Locale;

/**
 * How many synthetic people to load, as a multiple of a Qingtian-sized county (1 ≈ 96,000 elders and 3,600
 * infants). Resolved from {@code yly.demo.enabled}, {@code yly.demo.scale} ({@code YLY_DEMO_SCALE}) and whether an
 * external database is configured: an empty scale means 1 on the embedded database and none on an external one, so
 * that nothing synthetic ever reaches a real database unless someone asks for it.
 */
record DemoScale(double factor) {

    static final DemoScale NONE = new DemoScale(0);

    DemoScale {
        if (Double.isNaN(factor) || factor < 0 || factor > SyntheticIdNumbers.MAX_SCALE) {
            throw new IllegalArgumentException("yly.demo.scale (YLY_DEMO_SCALE) must be a number from 0 to "
                    + SyntheticIdNumbers.MAX_SCALE + ", e.g. 1 or 0.01; was " + factor);
        }
    }

    static DemoScale resolve(boolean demoEnabled, String configuredScale, String externalDatabaseUrl) {
        if (!demoEnabled) {
            return NONE;
        }
        if (configuredScale == null || configuredScale.isBlank()) {
            return externalDatabaseUrl == null || externalDatabaseUrl.isBlank() ? new DemoScale(1) : NONE;
        }
        try {
            return new DemoScale(Double.parseDouble(configuredScale.strip().toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("yly.demo.scale (YLY_DEMO_SCALE) must be a number such as 1 or 0.01; was '"
                    + configuredScale + "'", e);
        }
    }

    boolean none() {
        return factor == 0;
    }

    /** A count at N=1, scaled and rounded. */
    long of(long countAtScaleOne) {
        return Math.round(countAtScaleOne * factor);
    }
}
