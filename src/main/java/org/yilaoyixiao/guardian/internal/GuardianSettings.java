package org.yilaoyixiao.guardian.internal;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yilaoyixiao.guardian.detection.DetectionSettings;
import org.yilaoyixiao.guardian.detection.FraudSettings;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * The guardian's parameters ({@code yly.guardian.*}; defaults in {@link DetectionSettings#defaults()}) and its MQTT
 * connection. MQTT is off unless {@code yly.guardian.mqtt.broker-url} is set.
 */
@ConfigurationProperties("yly.guardian")
record GuardianSettings(LocalTime wakingFrom, LocalTime wakingTo, Integer wanderingDistance,
                        Duration wanderingDuration, Integer dementiaDistance, Duration dementiaDuration,
                        Duration inactivityFloor, Duration inactivityCeiling, Duration defaultActivityGap,
                        Duration lateReadingWindow, Duration offlineAfter, Duration maxClockSkew,
                        Duration maxReadingAge, Duration usualUseGrace, Mqtt mqtt, Fraud fraud) {

    record Mqtt(String brokerUrl, String clientId, String username, String password) {
    }

    /** Fraud thresholds; each missing one takes {@link FraudSettings#defaults()}. */
    record Fraud(java.math.BigDecimal profileMultiple, java.math.BigDecimal largeFloor,
                 java.math.BigDecimal largeWithoutHistory, Integer minHistory, java.math.BigDecimal newCounterparty,
                 Integer burstCount, Duration burstWindow) {
    }

    FraudSettings fraudSettings() {
        FraudSettings d = FraudSettings.defaults();
        Fraud f = fraud == null ? new Fraud(null, null, null, null, null, null, null) : fraud;
        return new FraudSettings(or(f.profileMultiple(), d.profileMultiple()), or(f.largeFloor(), d.largeFloor()),
                or(f.largeWithoutHistory(), d.largeWithoutHistory()), or(f.minHistory(), d.minHistory()),
                or(f.newCounterparty(), d.newCounterparty()), or(f.burstCount(), d.burstCount()),
                or(f.burstWindow(), d.burstWindow()));
    }

    DetectionSettings detection() {
        DetectionSettings d = DetectionSettings.defaults();
        return new DetectionSettings(BusinessTime.ZONE, or(wakingFrom, d.wakingFrom()), or(wakingTo, d.wakingTo()),
                or(wanderingDistance, d.wanderingDistance()), or(wanderingDuration, d.wanderingDuration()),
                or(dementiaDistance, d.dementiaDistance()), or(dementiaDuration, d.dementiaDuration()),
                or(inactivityFloor, d.inactivityFloor()), or(inactivityCeiling, d.inactivityCeiling()),
                or(lateReadingWindow, d.lateReadingWindow()), or(offlineAfter, d.offlineAfter()),
                or(usualUseGrace, d.usualUseGrace()));
    }

    Duration activityGapWithoutHistory() {
        return or(defaultActivityGap, Duration.ofHours(6));
    }

    Duration skew() {
        return or(maxClockSkew, Duration.ofMinutes(5));
    }

    Duration oldest() {
        return or(maxReadingAge, Duration.ofDays(7));
    }

    Mqtt mqttOrNone() {
        return mqtt == null ? new Mqtt(null, null, null, null) : mqtt;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
