package org.yilaoyixiao.platform.persistence;

/**
 * Text a user typed, made safe inside a SQL {@code LIKE} pattern (backslash being the escape character): its percent
 * signs, underscores and backslashes match only themselves.
 */
public final class LikePattern {

    private LikePattern() {
    }

    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
