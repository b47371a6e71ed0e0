package org.yilaoyixiao.divisions;

/** Levels of the tree the platform manages. A county is the root; a village belongs to a township. */
public enum DivisionLevel {
    COUNTY(null),
    TOWNSHIP(COUNTY),
    VILLAGE(TOWNSHIP);

    private final DivisionLevel parentLevel;

    DivisionLevel(DivisionLevel parentLevel) {
        this.parentLevel = parentLevel;
    }

    /** The level a division of this level hangs under, or null for the root. */
    public DivisionLevel parentLevel() {
        return parentLevel;
    }

    public String labelKey() {
        return "division.level." + name();
    }
}
