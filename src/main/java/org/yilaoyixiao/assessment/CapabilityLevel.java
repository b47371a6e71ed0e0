package org.yilaoyixiao.assessment;

/** The capability levels of GB/T 42195-2022 C.3, 0 (能力完好) to 4 (能力完全丧失). */
public enum CapabilityLevel {
    INTACT(0, "能力完好"),
    MILD(1, "能力轻度受损（轻度失能）"),
    MODERATE(2, "能力中度受损（中度失能）"),
    SEVERE(3, "能力重度受损（重度失能）"),
    COMPLETE(4, "能力完全丧失（完全失能）");

    private final int number;
    private final String nameZh;

    CapabilityLevel(int number, String nameZh) {
        this.number = number;
        this.nameZh = nameZh;
    }

    public int number() {
        return number;
    }

    public String nameZh() {
        return nameZh;
    }

    public static CapabilityLevel of(int number) {
        return values()[number];
    }

    /** The initial level from the total score: 90 → 0, 66–89 → 1, 46–65 → 2, 30–45 → 3, 0–29 → 4. */
    public static CapabilityLevel fromTotal(int total) {
        if (total < 0 || total > 90) {
            throw new IllegalArgumentException("Total score out of range: " + total);
        }
        if (total == 90) {
            return INTACT;
        }
        if (total >= 66) {
            return MILD;
        }
        if (total >= 46) {
            return MODERATE;
        }
        return total >= 30 ? SEVERE : COMPLETE;
    }

    /** This level raised by {@code steps}, never above level 4. */
    public CapabilityLevel raisedBy(int steps) {
        return of(Math.min(COMPLETE.number, number + steps));
    }
}
