package org.yilaoyixiao.funds.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local parameters of fund supervision ({@code yly.funds.*}). The guideline leaves ratios and thresholds to the
 * locality; the defaults are placeholders to be set by the civil-affairs bureau, and will move to dated policy
 * parameters once the platform has them (decision 0027).
 *
 * @param defaultMinimumRatio     share of the prepaid obligations the account must hold when an account is opened
 *                                without its own ratio
 * @param largeOutflowThreshold   a single outflow above this (yuan) puts the account on hold
 * @param structuringBand         outflows within this share below the threshold count as "just below" it
 * @param structuringCount        this many "just below" outflows within the window put the account on hold
 * @param structuringWindow       the window, counted back from each outflow's time
 */
@ConfigurationProperties("yly.funds")
record FundsSettings(BigDecimal defaultMinimumRatio, BigDecimal largeOutflowThreshold, BigDecimal structuringBand,
                     Integer structuringCount, Duration structuringWindow) {

    FundsSettings {
        defaultMinimumRatio = defaultMinimumRatio == null ? new BigDecimal("0.20") : defaultMinimumRatio;
        largeOutflowThreshold = largeOutflowThreshold == null ? new BigDecimal("50000") : largeOutflowThreshold;
        structuringBand = structuringBand == null ? new BigDecimal("0.10") : structuringBand;
        structuringCount = structuringCount == null ? 3 : structuringCount;
        structuringWindow = structuringWindow == null ? Duration.ofDays(7) : structuringWindow;
    }

    /** The lower end of the "just below the threshold" band. */
    BigDecimal structuringFloor() {
        return largeOutflowThreshold.multiply(BigDecimal.ONE.subtract(structuringBand));
    }
}
