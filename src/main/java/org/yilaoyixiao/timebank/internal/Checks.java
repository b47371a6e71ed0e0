package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.util.List;
import org.yilaoyixiao.platform.api.ApiException;

/** Field checks shared by the time bank's commands; each problem names its field and a message key. */
final class Checks {

    static final int MAX_TEXT = 200;

    private Checks() {
    }

    static void hours(BigDecimal hours, BigDecimal max, String field, List<ApiException.FieldProblem> problems) {
        if (hours == null || hours.signum() <= 0) {
            problems.add(new ApiException.FieldProblem(field, "POSITIVE", "timebank.hours.positive", new Object[0]));
        } else if (hours.stripTrailingZeros().scale() > 2) {
            problems.add(new ApiException.FieldProblem(field, "SCALE", "timebank.hours.scale", new Object[0]));
        } else if (max != null && hours.compareTo(max) > 0) {
            problems.add(new ApiException.FieldProblem(field, "TOO_MANY", "timebank.hours.too-many",
                    new Object[] {max.toPlainString()}));
        }
    }

    static void text(String value, String field, boolean required, List<ApiException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new ApiException.FieldProblem(field, "REQUIRED", "timebank.field.required",
                        new Object[] {field}));
            }
        } else if (value.strip().length() > MAX_TEXT) {
            problems.add(new ApiException.FieldProblem(field, "TOO_LONG", "timebank.text.too-long",
                    new Object[] {MAX_TEXT}));
        }
    }

    static void required(Object value, String field, List<ApiException.FieldProblem> problems) {
        if (value == null) {
            problems.add(new ApiException.FieldProblem(field, "REQUIRED", "timebank.field.required",
                    new Object[] {field}));
        }
    }

    static void throwIfAny(List<ApiException.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
