package org.yilaoyixiao.assessment;

/** The level changes of GB/T 42195-2022 C.4 that applied to an assessment. */
public enum LevelChange {
    /** In a coma: level 4 directly. */
    COMA,
    /** Diagnosed dementia, ICD-10 F00–F03: one level up. */
    DEMENTIA,
    /** Another mental or behavioural disorder diagnosed by a psychiatrist, ICD-10 F04–F99: one level up. */
    OTHER_MENTAL_DISORDER,
    /** Two or more care-risk events in the last 30 days: one level up. */
    RISK_EVENTS
}
