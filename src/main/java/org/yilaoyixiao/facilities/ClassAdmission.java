package org.yilaoyixiao.facilities;

/** The answer of {@link ChildcareClassRules#admit}: a child may join, or the first rule that refuses. */
public enum ClassAdmission {
    ADMITTED,
    AGE_NOT_ELIGIBLE,
    CAPACITY_EXCEEDED,
    RATIO_BREACHED;

    public boolean admitted() {
        return this == ADMITTED;
    }
}
