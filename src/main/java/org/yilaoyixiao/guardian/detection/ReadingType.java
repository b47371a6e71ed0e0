package org.yilaoyixiao.guardian.detection;

/** What a reading reports. DOOR, WATER, POWER and MOTION are signs of life at home. */
public enum ReadingType {
    LOCATION, DOOR, WATER, POWER, MOTION, SOS, FALL, HEARTBEAT, SMOKE;

    public boolean isHomeActivity() {
        return this == DOOR || this == WATER || this == POWER || this == MOTION;
    }
}
