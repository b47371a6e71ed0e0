package org.yilaoyixiao.guardian.internal;

import java.util.EnumSet;
import java.util.Set;
import org.yilaoyixiao.guardian.detection.ReadingType;

/** The devices the guardian knows and the readings each may send (every device may send a heartbeat). */
enum DeviceType {
    GPS_WATCH(EnumSet.of(ReadingType.LOCATION, ReadingType.SOS, ReadingType.FALL)),
    GPS_BADGE(EnumSet.of(ReadingType.LOCATION, ReadingType.SOS)),
    DOOR_SENSOR(EnumSet.of(ReadingType.DOOR)),
    WATER_METER(EnumSet.of(ReadingType.WATER)),
    POWER_METER(EnumSet.of(ReadingType.POWER)),
    MOTION_SENSOR(EnumSet.of(ReadingType.MOTION)),
    SMOKE_DETECTOR(EnumSet.of(ReadingType.SMOKE)),
    SOS_BUTTON(EnumSet.of(ReadingType.SOS)),
    FALL_DETECTOR(EnumSet.of(ReadingType.FALL));

    private final Set<ReadingType> readings;

    DeviceType(Set<ReadingType> readings) {
        this.readings = readings;
    }

    boolean sends(ReadingType type) {
        return type == ReadingType.HEARTBEAT || readings.contains(type);
    }
}
