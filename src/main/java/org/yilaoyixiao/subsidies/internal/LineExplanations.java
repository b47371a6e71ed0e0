package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.policy.ParameterTexts;

/**
 * A run line's "why?" in the reader's words: one sentence naming the ground (basis) with the facts it rests on ("92
 * 周岁（1934-03-02 出生）：全县 90 周岁及以上的老人均享受……"), the facts as label and value (an economic status, a
 * capability level, children per class by name), and the parameters by name with their values and units. The basis is
 * the explanation's own field, set by the run's SQL; nothing here reads a message key to decide anything.
 */
@Component
class LineExplanations {

    private final MessageSource messages;
    private final ParameterTexts parameters;

    LineExplanations(MessageSource messages, ParameterTexts parameters) {
        this.messages = messages;
        this.parameters = parameters;
    }

    /** One parameter value as the line page shows it. */
    record RateRow(String name, String value, String effectiveFrom, String reference, boolean provisional) {
    }

    /**
     * The sentence for an explanation ({basis, facts, …}); for an adjustment, of the month it corrects. {@code used}
     * are the parameter values the line rests on (key → value), for the thresholds a sentence names.
     */
    String sentence(Map<?, ?> explanation, Map<String, Object> used, Locale locale) {
        Object basis = explanation.get("basis");
        Map<?, ?> facts = explanation.get("facts") instanceof Map<?, ?> f ? f : Map.of();
        if ("ADJUSTMENT".equals(basis)) {
            String adjustment = messages.getMessage("subsidies.why.ADJUSTMENT", new Object[] {
                    String.valueOf(explanation.get("forMonth")).substring(0, Math.min(7,
                            String.valueOf(explanation.get("forMonth")).length())),
                    money(explanation.get("due")), money(explanation.get("paid"))}, locale);
            if (explanation.get("dueExplanation") instanceof Map<?, ?> due && due.get("basis") != null) {
                return adjustment + sentence(due, used, locale);
            }
            return adjustment;
        }
        Object[] args = switch (String.valueOf(basis)) {
            case "AGE_90" -> new Object[] {facts.get("age"), facts.get("birthDate"), level(facts, locale)};
            case "LOW_INCOME_DISABLED" -> new Object[] {economicStatus(facts, locale), level(facts, locale),
                    used.getOrDefault("elderly-service-subsidy.disability-threshold-level", "—")};
            case "LOW_INCOME_AGE_80" -> new Object[] {economicStatus(facts, locale), facts.get("age"),
                    facts.get("birthDate"), level(facts, locale)};
            case "UNDER_3" -> new Object[] {facts.get("birthDate"), facts.get("limitReachedOn")};
            case "PRIVATE", "PUBLIC_BUILT_PRIVATE_RUN" -> new Object[] {facts.get("starRating"),
                    facts.get("localResidents")};
            case "ENROLLED" -> new Object[] {facts.get("approvedSlots"), sum(facts.get("enrolled")),
                    sum(facts.get("counted"))};
            default -> null;
        };
        if (args == null) {
            return messages.getMessage("subsidies.basis." + basis, null, "", locale);
        }
        return messages.getMessage("subsidies.why." + basis, args, locale);
    }

    /** The facts with their labels, each value in words. */
    Map<String, String> facts(Map<?, ?> explanation, Locale locale) {
        Map<String, String> shown = new LinkedHashMap<>();
        if (explanation.get("facts") instanceof Map<?, ?> facts) {
            facts.forEach((name, value) -> shown.put(
                    messages.getMessage("subsidies.fact-label." + name, null, String.valueOf(name), locale),
                    fact(String.valueOf(name), value, locale)));
        }
        return shown;
    }

    /** The parameter values a line rests on, by name, with units. */
    List<RateRow> rates(List<?> values, Locale locale) {
        Map<String, String> units = parameters.units();
        List<RateRow> rows = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof Map<?, ?> rate && rate.get("parameter") != null) {
                String key = String.valueOf(rate.get("parameter"));
                rows.add(new RateRow(parameters.name(key, locale), parameters.value(decimal(rate.get("rate")),
                        units.get(key), locale), rate.get("effectiveFrom") == null ? ""
                        : String.valueOf(rate.get("effectiveFrom")), String.valueOf(rate.get("reference")),
                        Boolean.TRUE.equals(rate.get("provisional"))));
            }
        }
        return rows;
    }

    String fact(String name, Object value, Locale locale) {
        if (value == null) {
            return "capabilityLevel".equals(name) ? messages.getMessage("subsidies.level.none", null, locale) : "—";
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "subsidies.yes" : "subsidies.no", null, locale);
        }
        if (value instanceof Map<?, ?> perClass) {
            List<String> parts = new ArrayList<>();
            perClass.forEach((type, n) -> parts.add(messages.getMessage("subsidies.children-of-class",
                    new Object[] {messages.getMessage("subsidies.class-type." + type, null, String.valueOf(type),
                            locale), n}, locale)));
            return String.join(messages.getMessage("subsidies.list-separator", null, "、", locale), parts);
        }
        String key = switch (name) {
            case "economicStatus" -> "economic-status." + value;
            case "capabilityLevel" -> "subsidies.level." + value;
            case "operationModel" -> "subsidies.model." + value;
            case "kind" -> "subsidies.kind-of." + value;
            case "premises" -> "subsidies.premises." + value;
            default -> null;
        };
        return key == null ? String.valueOf(value) : messages.getMessage(key, null, String.valueOf(value), locale);
    }

    private String level(Map<?, ?> facts, Locale locale) {
        return fact("capabilityLevel", facts.get("capabilityLevel"), locale);
    }

    private String economicStatus(Map<?, ?> facts, Locale locale) {
        return fact("economicStatus", facts.get("economicStatus"), locale);
    }

    private static long sum(Object perClass) {
        long total = 0;
        if (perClass instanceof Map<?, ?> map) {
            for (Object n : map.values()) {
                total += n instanceof Number number ? number.longValue() : 0;
            }
        }
        return total;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }

    private static String money(Object value) {
        return value == null ? "" : ParameterTexts.money(new BigDecimal(String.valueOf(value)));
    }
}
