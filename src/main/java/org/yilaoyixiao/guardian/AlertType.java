package org.yilaoyixiao.guardian;

/** The incidents the guardian alerts on. */
public enum AlertType {
    WANDERING,
    HOME_INACTIVITY,
    SOS,
    FALL,
    FRAUD,
    DEVICE_OFFLINE
}
