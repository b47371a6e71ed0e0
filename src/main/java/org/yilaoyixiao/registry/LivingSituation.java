package org.yilaoyixiao.registry;

/** Living-situation flags the plan's visit and care policies look at (plan §三, 附件2 item 4). */
public enum LivingSituation {
    /** 独居 */
    LIVING_ALONE,
    /** 空巢 */
    EMPTY_NEST,
    /** 留守: children work or live elsewhere, often abroad in this 侨乡. */
    LEFT_BEHIND,
    /** 重残 */
    SEVERE_DISABILITY,
    /** 计划生育特殊家庭 */
    FAMILY_PLANNING_SPECIAL;

    public String labelKey() {
        return "living-situation." + name();
    }
}
