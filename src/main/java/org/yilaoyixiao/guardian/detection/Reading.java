package org.yilaoyixiao.guardian.detection;

import java.time.Instant;

/** A reading as the detectors see it: which elder, what, and when it happened (event time). */
public record Reading(String deviceId, long personId, ReadingType type, Instant at, long seq, Double lat, Double lon,
                      Double value) {
}
