package org.yilaoyixiao.guardian.detection;

import java.time.Instant;

/** The detectors' keyed state for one elder; small, so 100,000 elders fit comfortably in memory. */
final class ElderState {
    Instant lastLocationAt;
    Instant outsideSince;
    boolean wanderingAlerted;
    Instant lastActivityAt;
}
