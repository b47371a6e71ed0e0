package org.yilaoyixiao.registry;

/** Economic difficulty as certified by social assistance. */
public enum EconomicStatus {
    NONE,
    /** 低边: low-income marginal family. */
    LOW_INCOME_MARGINAL,
    /** 低保: minimum living guarantee. */
    MINIMUM_LIVING,
    /** 特困: extreme poverty (support and care for the destitute). */
    EXTREME_POVERTY;

    public String labelKey() {
        return "economic-status." + name();
    }
}
