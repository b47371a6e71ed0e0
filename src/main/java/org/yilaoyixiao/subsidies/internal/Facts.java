package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.platform.api.ApiException;

/**
 * The facts a rule reads, from a request or from a record. Reading notes every missing or malformed fact, so that
 * {@link #requireComplete()} can name them all at once (400, fields {@code facts.<name>}).
 */
final class Facts {

    private final Map<String, Object> values;
    private final Map<String, Object> used = new LinkedHashMap<>();
    private final List<ApiException.FieldProblem> problems = new ArrayList<>();

    Facts(Map<String, ?> values) {
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    /** The facts actually read, for the explanation. */
    Map<String, Object> used() {
        return used;
    }

    private Object present(String name, boolean nullable) {
        if (!values.containsKey(name) || (!nullable && values.get(name) == null)) {
            problems.add(new ApiException.FieldProblem("facts." + name, "REQUIRED", "subsidies.fact.required",
                    new Object[] {label(name)}));
            return null;
        }
        used.put(name, values.get(name));
        return values.get(name);
    }

    void invalid(String name) {
        problems.add(new ApiException.FieldProblem("facts." + name, "INVALID", "subsidies.fact.invalid",
                new Object[] {label(name)}));
    }

    /** The fact's label in the reader's language (resolved with the message), its name when it has none. */
    private static Object label(String name) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"subsidies.fact-label." + name}, name);
    }

    Integer integer(String name) {
        return toInteger(name, present(name, false));
    }

    /** A number whose key must be given but may be null (e.g. an unrated institution's star rating). */
    Integer nullableInteger(String name) {
        return toInteger(name, present(name, true));
    }

    private Integer toInteger(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("-?\\d{1,9}")) {
            return Integer.parseInt(s);
        }
        invalid(name);
        return null;
    }

    /** A fact that may be left out: the default when absent. */
    boolean optionalBool(String name, boolean otherwise) {
        if (!values.containsKey(name) || values.get(name) == null) {
            return otherwise;
        }
        Object value = values.get(name);
        used.put(name, value);
        if (value instanceof Boolean b) {
            return b;
        }
        invalid(name);
        return otherwise;
    }

    Boolean bool(String name) {
        Object value = present(name, false);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        invalid(name);
        return null;
    }

    LocalDate date(String name) {
        return toDate(name, present(name, false));
    }

    LocalDate nullableDate(String name) {
        return toDate(name, present(name, true));
    }

    private LocalDate toDate(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            invalid(name);
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        Object value = present(name, false);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            invalid(name);
            return null;
        }
    }

    /** A nested object of counts, e.g. {"NURSING":20,"ASSISTED":10}; absent entries count 0. */
    <E extends Enum<E>> Map<E, Integer> counts(String name, Class<E> type) {
        Object value = present(name, false);
        Map<E, Integer> counts = new LinkedHashMap<>();
        if (value == null) {
            return counts;
        }
        if (!(value instanceof Map<?, ?> map)) {
            invalid(name);
            return counts;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            try {
                E key = Enum.valueOf(type, e.getKey().toString());
                Integer n = toInteger(name + "." + key, e.getValue());
                if (n == null || n < 0) {
                    invalid(name + "." + key);
                } else {
                    counts.put(key, n);
                }
            } catch (IllegalArgumentException ex) {
                invalid(name + "." + e.getKey());
            }
        }
        return counts;
    }

    /** Throws 400 naming every missing or malformed fact read so far. */
    void requireComplete() {
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }
}
