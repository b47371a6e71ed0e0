package org.yilaoyixiao.guardian.detection;

/** The timers detectors set: they fire once when due unless moved or cancelled first. */
public enum TimerKind {
    HOME_INACTIVITY, WANDERING, DEVICE_OFFLINE,
    /** No water (or power) by the time the elder has used it on every learned day: a kind of home inactivity. */
    USUAL_USE_MISSED,
    /** Not a detector's: the next step of an unacknowledged alert's escalation chain. */
    ESCALATION
}
