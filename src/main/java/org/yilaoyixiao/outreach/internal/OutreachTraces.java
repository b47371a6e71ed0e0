package org.yilaoyixiao.outreach.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;

/**
 * A case's rule trace as the clerk reads it: one sentence per programme with the facts the scan used ("截至
 * 2026-12-08：93 周岁（1933-05-02 出生），本县户籍，经济状况为低保……"), and the enrolment it checked ("2026-11
 * 已审批的发放批次中没有此人"). The programme and the facts are fields of the stored trace; the stored English rule
 * text is for the API, never for a page.
 */
@Component
class OutreachTraces {

    private final MessageSource messages;
    private final DivisionDirectory divisions;

    OutreachTraces(MessageSource messages, DivisionDirectory divisions) {
        this.messages = messages;
        this.divisions = divisions;
    }

    /** The facts and what they mean for the programme, then why the person counts as not enrolled. */
    String explain(Candidates.Candidate c, Locale locale) {
        Map<?, ?> trace = c.trace();
        Map<?, ?> facts = trace.get("facts") instanceof Map<?, ?> f ? f : Map.of();
        Map<?, ?> enrolment = trace.get("enrolment") instanceof Map<?, ?> e ? e : Map.of();
        String asOf = text(trace.get("asOf"));
        Object[] args = switch (c.programme()) {
            case "ELDERLY_SERVICE_SUBSIDY" -> new Object[] {asOf, facts.get("age"), text(facts.get("birthDate")),
                    yesNo(facts.get("localHukou"), "outreach.trace.local", "outreach.trace.not-local", locale),
                    economicStatus(facts.get("economicStatus"), locale), level(facts.get("capabilityLevel"), locale),
                    facts.get("disabilityThreshold")};
            case "CHILDCARE_ALLOWANCE" -> new Object[] {asOf, text(facts.get("birthDate")),
                    facts.get("limitMonths")};
            case "LOVE_CARD" -> new Object[] {asOf, place(facts.get("township")), text(facts.get("birthDate")),
                    age(facts.get("birthDate"), asOf), level(facts.get("capabilityLevel"), locale),
                    facts.get("minLevel"), facts.get("minAge")};
            case "VISITS" -> new Object[] {month(enrolment.get("month")),
                    economicStatus(facts.get("economicStatus"), locale),
                    situations(facts.get("livingSituation"), locale), level(facts.get("capabilityLevel"), locale),
                    facts.get("disabilityMinLevel")};
            default -> new Object[0];
        };
        String found = messages.getMessage("outreach.trace." + c.programme(), args, "", locale);
        String reasons = reasons(c.reasons(), locale);
        String meets = messages.getMessage("outreach.trace.meets", new Object[] {
                messages.getMessage("outreach.programme." + c.programme(), null, locale), reasons}, locale);
        return found + meets + enrolment(c.programme(), enrolment, locale);
    }

    /** The reasons the scan found, in words, joined. */
    String reasons(Collection<String> reasons, Locale locale) {
        List<String> words = new ArrayList<>();
        reasons.forEach(r -> words.add(messages.getMessage("outreach.reason." + r, null, r, locale)));
        return String.join(messages.getMessage("outreach.list-separator", null, "、", locale), words);
    }

    private String enrolment(String programme, Map<?, ?> enrolment, Locale locale) {
        return switch (programme) {
            case "ELDERLY_SERVICE_SUBSIDY", "CHILDCARE_ALLOWANCE" -> enrolment.get("latestApprovedMonth") == null
                    ? messages.getMessage("outreach.trace.no-approved-run", null, locale)
                    : messages.getMessage("outreach.trace.not-in-run",
                    new Object[] {month(enrolment.get("latestApprovedMonth"))}, locale);
            case "LOVE_CARD" -> messages.getMessage("outreach.trace.no-card", null, locale);
            case "VISITS" -> messages.getMessage("outreach.trace.not-in-target",
                    new Object[] {month(enrolment.get("month"))}, locale);
            default -> "";
        };
    }

    private String economicStatus(Object status, Locale locale) {
        return status == null ? "—" : messages.getMessage("economic-status." + status, null, String.valueOf(status),
                locale);
    }

    private String level(Object level, Locale locale) {
        return level == null ? messages.getMessage("outreach.trace.level.none", null, locale)
                : messages.getMessage("outreach.trace.level", new Object[] {level,
                messages.getMessage("capability-level." + level, null, String.valueOf(level), locale)}, locale);
    }

    private String situations(Object situations, Locale locale) {
        List<String> words = new ArrayList<>();
        if (situations instanceof Collection<?> list) {
            list.forEach(s -> words.add(messages.getMessage("outreach.reason." + s, null, String.valueOf(s),
                    locale)));
        }
        return words.isEmpty() ? messages.getMessage("outreach.trace.no-situation", null, locale)
                : String.join(messages.getMessage("outreach.list-separator", null, "、", locale), words);
    }

    private String yesNo(Object value, String yes, String no, Locale locale) {
        return messages.getMessage(Boolean.TRUE.equals(value) ? yes : no, null, locale);
    }

    private String place(Object code) {
        return code == null ? "" : divisions.find(String.valueOf(code)).map(Division::name).orElse("");
    }

    private static Object age(Object birthDate, String asOf) {
        try {
            return Period.between(LocalDate.parse(String.valueOf(birthDate)), LocalDate.parse(asOf)).getYears();
        } catch (RuntimeException e) {
            return "—";
        }
    }

    private static String month(Object date) {
        String text = text(date);
        return text.length() >= 7 ? text.substring(0, 7) : text;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
