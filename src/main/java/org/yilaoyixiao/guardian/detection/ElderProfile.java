package org.yilaoyixiao.guardian.detection;

import java.time.Duration;
import java.util.List;

/**
 * What the detectors know of an elder's routine: safe zones (manual and learned), whether a dementia diagnosis calls
 * for tighter limits, and the longest normal gap between signs of life at home in waking hours.
 */
public record ElderProfile(long personId, List<SafeZone> safeZones, boolean dementia, Duration normalActivityGap) {

    public ElderProfile {
        safeZones = List.copyOf(safeZones);
    }
}
