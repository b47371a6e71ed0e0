package org.yilaoyixiao.services;

/** How a need reached the platform. */
public enum NeedChannel {
    /** A call to the township centre. */
    PHONE,
    /** Raised by a care butler on the round. */
    BUTLER,
    /** Found on a monthly visit to an elder in special difficulty. */
    VISIT_FINDING,
    /** A 银龄卫士 silver-guardian alert. */
    GUARDIAN_ALERT;

    public String labelKey() {
        return "services.channel." + name();
    }
}
