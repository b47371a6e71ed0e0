package org.yilaoyixiao.guardian.detection;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Thresholds of the fraud rules (parameters, {@code yly.guardian.fraud.*}).
 *
 * @param profileMultiple   a transfer this many times the elder's median past transfer is large for them
 * @param largeFloor        below this nothing is "large", whatever the profile
 * @param largeWithoutHistory with fewer than {@code minHistory} past transfers, a transfer this big is large
 * @param minHistory        past transfers needed before the profile is trusted
 * @param newCounterparty   a first transfer to a new counterparty from this amount is suspicious
 * @param burstCount        this many transfers (including this one) within the window are a burst
 * @param burstWindow       the window of a burst
 */
public record FraudSettings(BigDecimal profileMultiple, BigDecimal largeFloor, BigDecimal largeWithoutHistory,
                            int minHistory, BigDecimal newCounterparty, int burstCount, Duration burstWindow) {

    public static FraudSettings defaults() {
        return new FraudSettings(new BigDecimal("5"), new BigDecimal("5000"), new BigDecimal("20000"), 5,
                new BigDecimal("2000"), 3, Duration.ofHours(1));
    }
}
