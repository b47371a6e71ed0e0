package org.yilaoyixiao.exchange.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.indicators.IndicatorSource;

/** The health-feed indicator sources as a county that turns them on gets them, for tests. */
public final class HealthFeedIndicatorsProbe {

    private HealthFeedIndicatorsProbe() {
    }

    public static IndicatorSource source(JdbcClient jdbc, String code) {
        return HealthFeedIndicators.forCode(jdbc, code);
    }
}
