package org.yilaoyixiao.facilities.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yilaoyixiao.platform.api.ApiException;

/**
 * Collects every problem of one request before answering, so that a form shows all its field errors at once rather
 * than one per attempt.
 */
final class FieldChecks {

    private final List<ApiException.FieldProblem> problems = new ArrayList<>();

    void check(boolean ok, String field, String code, String messageKey, Object... args) {
        if (!ok) {
            add(field, code, messageKey, args);
        }
    }

    void add(String field, String code, String messageKey, Object... args) {
        problems.add(new ApiException.FieldProblem(field, code, messageKey, args));
    }

    /** The enum constant named by {@code value}, or null with a field problem (REQUIRED or UNKNOWN). */
    <E extends Enum<E>> E enumValue(String field, Class<E> type, String value, boolean required, String messageKey) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "REQUIRED", messageKey);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "UNKNOWN", messageKey);
            return null;
        }
    }

    /** A trimmed name of 1 to {@code max} characters, or a problem. */
    String name(String field, String value, int max, String messageKey) {
        String name = value == null ? "" : value.strip();
        check(!name.isEmpty() && name.length() <= max, field, "REQUIRED", messageKey, max);
        return name;
    }

    boolean any() {
        return !problems.isEmpty();
    }

    List<ApiException.FieldProblem> problems() {
        return List.copyOf(problems);
    }

    void throwIfAny() {
        if (any()) {
            throw ApiException.validation(problems);
        }
    }
}
