package org.yilaoyixiao.indicators.internal;

/** Where an actual stands against the straight path from the baseline to the target (see {@link StatusRule}). */
enum IndicatorStatus {
    ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK;

    public String labelKey() {
        return "indicators.status." + name();
    }
}
