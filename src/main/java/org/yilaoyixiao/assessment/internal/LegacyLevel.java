package org.yilaoyixiao.assessment.internal;

import java.util.Optional;

/**
 * The four levels of the older MZ/T 039-2013 scheme. They are not the levels of GB/T 42195-2022 (which has five and
 * other score bands) and are never mapped onto them.
 */
enum LegacyLevel {
    INTACT(0, "能力完好"),
    MILD(1, "轻度失能"),
    MODERATE(2, "中度失能"),
    SEVERE(3, "重度失能");

    static final String SCHEME = "MZ/T 039-2013";

    private final int number;
    private final String nameZh;

    LegacyLevel(int number, String nameZh) {
        this.number = number;
        this.nameZh = nameZh;
    }

    public int number() {
        return number;
    }

    public String nameZh() {
        return nameZh;
    }

    static LegacyLevel of(int number) {
        return values()[number];
    }

    /** A level as written in old spreadsheets: its number (0–3, also "2级") or its Chinese name. */
    static Optional<LegacyLevel> parse(String text) {
        String value = text == null ? "" : text.strip().replace("级", "");
        for (LegacyLevel level : values()) {
            if (value.equals(Integer.toString(level.number)) || value.equals(level.nameZh)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
