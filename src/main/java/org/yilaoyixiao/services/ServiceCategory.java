package org.yilaoyixiao.services;

/** The six categories of the 养老管家 service menu (plan §5). */
public enum ServiceCategory {
    /** 助餐 */
    MEALS,
    /** 助浴 */
    BATHING,
    /** 助洁 */
    CLEANING,
    /** 助行 */
    MOBILITY,
    /** 助医 */
    MEDICAL,
    /** 助急 */
    EMERGENCY;

    public String labelKey() {
        return "services.category." + name();
    }
}
