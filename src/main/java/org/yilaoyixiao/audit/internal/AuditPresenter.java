package org.yilaoyixiao.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.DisplayNames;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * An audit record as an auditor reads it: the event type by its label, the actor by name (the platform itself as
 * 系统), the object as "人员 24486", and the detail the modules write as {@code key=value key=value} turned into
 * labelled facts in the reader's language. Keys are labelled by {@code audit.detail.<TYPE>.<key>} or
 * {@code audit.detail.<key>}; values that are choices (a category, a status, a role) by {@code audit.value.<key>.<value>}
 * or the label the owning module already has for them; {@code null} is "—". What cannot be put into words — names,
 * numbers, codes, free notes — is kept as it was written and marked as data, so that it is shown as such
 * ({@code translate="no"}) and never translated.
 */
@Component
class AuditPresenter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessTime.ZONE);
    private static final Pattern KEY = Pattern.compile("(?:^|(?<=[\\s,;(\\[]))([a-zA-Z][a-zA-Z0-9]*)=");
    /** A record's own toString: {@code Generated[month=2026-12, targets=3]}. */
    private static final Pattern RECORD = Pattern.compile("^[A-Z][A-Za-z0-9]*\\[(.*)]$", Pattern.DOTALL);
    /** A state change as the order machine writes it: {@code NEW->DISPATCHED note}. */
    private static final Pattern CHANGE = Pattern.compile("^([A-Z][A-Z_]+)->([A-Z][A-Z_]+)(?:\\s+(.*))?$",
            Pattern.DOTALL);
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern TARGET = Pattern.compile("^([a-z][a-z-]*):(.+)$");
    private static final Pattern ENUM = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Labels other modules already have for the values a detail key takes, tried in order. */
    private static final Map<String, List<String>> VALUE_LABELS = Map.ofEntries(
            Map.entry("category", List.of("category.")),
            Map.entry("flags", List.of("living-situation.")),
            Map.entry("economic", List.of("economic-status.")),
            Map.entry("from", List.of("economic-status.")),
            Map.entry("to", List.of("economic-status.")),
            Map.entry("status", List.of("record-status.", "services.status.", "exchange.status.",
                    "planning.status.")),
            Map.entry("roles", List.of("role.")),
            Map.entry("role", List.of("role.")),
            Map.entry("bureau", List.of("bureau.")),
            Map.entry("level", List.of("division.level.")),
            Map.entry("channel", List.of("services.channel.", "exchange.channel.")),
            Map.entry("mode", List.of("visits.mode.")),
            Map.entry("source", List.of("lovecard.source.")),
            Map.entry("type", List.of("guardian.alert-type.", "guardian.device-type.", "exchange.type.")),
            Map.entry("outcome", List.of("exchange.outcome.", "outreach.outcome.")),
            Map.entry("kind", List.of("visits.kind.", "visits.override.", "placement-kind.", "lovecard.kind.")),
            Map.entry("bed", List.of("placement-bed-type.")),
            Map.entry("consent", List.of("consent.method.")),
            Map.entry("rule", List.of("lovecard.rule.")),
            Map.entry("change", List.of("services.status.")));

    private final MessageSource messages;
    private final AuditTypes types;
    private final ObjectProvider<DisplayNames> actors;

    AuditPresenter(MessageSource messages, AuditTypes types, ObjectProvider<DisplayNames> actors) {
        this.messages = messages;
        this.types = types;
        this.actors = actors;
    }

    /** One row of the trail in words; {@code typeLabel} is null for a type nobody labelled. */
    record Entry(long id, Instant at, String time, Actor actor, String typeLabel, String typeCode, Target target,
                 String outcome, List<Fact> facts, String remoteAddress) {

        /** The detail as one line, for a spreadsheet cell. */
        public String factsText() {
            return facts.stream().map(f -> f.label() == null ? f.value() : f.label() + "：" + f.value())
                    .collect(Collectors.joining("；"));
        }
    }

    /**
     * Who acted: {@code name} in words (a display name, 系统, 未登录的访问者), {@code code} what was recorded when it is
     * not already said by the name (a username, a subsystem's code), shown as data.
     */
    record Actor(String name, String code, boolean system) {

        public String text() {
            return name == null ? code : code == null ? name : name + "（" + code + "）";
        }
    }

    /** The object of an event: its kind in words and its reference as data ("人员" "24486"). */
    record Target(String kind, String reference) {

        public String text() {
            return kind == null ? reference : reference == null ? kind : kind + " " + reference;
        }
    }

    /**
     * One fact of the detail: a label (null for text that came without one) and a value; {@code labelIsCode} and
     * {@code valueIsData} say which of them are shown as written, not as words of the page.
     */
    record Fact(String label, boolean labelIsCode, String value, boolean valueIsData) {
    }

    List<Entry> present(List<AuditEventView> events, Locale locale) {
        Set<String> usernames = new LinkedHashSet<>();
        for (AuditEventView e : events) {
            if (isAccount(e.actor())) {
                usernames.add(e.actor());
            }
        }
        Map<String, String> names = displayNames(usernames);
        return events.stream().map(e -> present(e, names, locale)).toList();
    }

    Map<String, String> displayNames(Collection<String> usernames) {
        DisplayNames directory = actors.getIfAvailable();
        return directory == null || usernames.isEmpty() ? Map.of() : directory.accounts(usernames);
    }

    private Entry present(AuditEventView e, Map<String, String> names, Locale locale) {
        String label = types.label(e.type(), locale);
        return new Entry(e.id(), e.at(), TIME.format(e.at()), actor(e.actor(), names, locale), label,
                e.type(), target(e.target(), locale), e.outcome(),
                facts(e.type(), e.detail(), locale), e.remoteAddress());
    }

    private static boolean isAccount(String actor) {
        return actor != null && !actor.equals("system") && !actor.equals("anonymous") && !actor.contains(":");
    }

    Actor actor(String actor, Map<String, String> names, Locale locale) {
        if (actor == null || actor.equals("system")) {
            return new Actor(message("audit.actor.system", locale), null, true);
        }
        if (actor.equals("anonymous")) {
            return new Actor(message("audit.actor.anonymous", locale), null, true);
        }
        if (actor.startsWith("system:")) {
            String part = actor.substring("system:".length());
            String words = optional("audit.actor.system." + part, locale);
            return words != null ? new Actor(words, null, true)
                    : new Actor(message("audit.actor.system", locale), part, true);
        }
        if (actor.contains(":")) {
            Target as = target(actor, locale);
            return new Actor(as.kind(), as.reference(), false);
        }
        return new Actor(names.get(actor), actor, false);
    }

    Target target(String target, Locale locale) {
        if (target == null || target.isBlank()) {
            return new Target(null, null);
        }
        if (target.startsWith("/")) {
            return new Target(message("audit.target.page", locale), target);
        }
        Matcher typed = TARGET.matcher(target);
        if (typed.matches()) {
            String kind = optional("audit.target." + typed.group(1), locale);
            if (kind != null) {
                return new Target(kind, typed.group(2).replace(":", " · "));
            }
            return new Target(null, target);
        }
        String whole = target.matches("[a-z][a-z-]*") ? optional("audit.target." + target, locale) : null;
        return whole != null ? new Target(whole, null) : new Target(null, target);
    }

    /** The detail as labelled facts; an empty detail has none. */
    List<Fact> facts(String type, String detail, Locale locale) {
        List<Fact> facts = new ArrayList<>();
        if (detail == null || detail.isBlank()) {
            return facts;
        }
        String text = detail.strip();
        Matcher record = RECORD.matcher(text);
        if (record.matches()) {
            text = record.group(1);
        }
        Matcher change = CHANGE.matcher(text);
        if (change.matches()) {
            facts.add(new Fact(message("audit.detail.change", locale), false,
                    word("change", change.group(1), locale) + " → " + word("change", change.group(2), locale),
                    !labelled("change", change.group(1), locale)));
            if (change.group(3) != null && !change.group(3).isBlank()) {
                facts.add(new Fact(message("audit.detail.note", locale), false, change.group(3).strip(), true));
            }
            return facts;
        }
        Matcher keys = KEY.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (keys.find()) {
            spans.add(new int[]{keys.start(), keys.end(), keys.start(1), keys.end(1)});
        }
        if (spans.isEmpty()) {
            facts.add(value(type, null, text, locale));
            return facts;
        }
        String before = text.substring(0, spans.get(0)[0]).strip();
        if (!before.isEmpty()) {
            facts.add(value(type, null, before, locale));
        }
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            String key = text.substring(span[2], span[3]);
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String value = text.substring(span[1], end).strip();
            while (value.endsWith(",") || value.endsWith(";")) {
                value = value.substring(0, value.length() - 1).strip();
            }
            facts.add(value(type, key, value, locale));
        }
        return facts;
    }

    private Fact value(String type, String key, String value, Locale locale) {
        String label = null;
        boolean labelIsCode = false;
        if (key != null) {
            label = optional("audit.detail." + type + "." + key, locale);
            if (label == null) {
                label = optional("audit.detail." + key, locale);
            }
            if (label == null) {
                label = key;
                labelIsCode = true;
            }
        }
        String lookup = key == null ? "" : key;
        if (value.isEmpty() || value.equals("null")) {
            return new Fact(label, labelIsCode, message("audit.value.none", locale), false);
        }
        if (key == null) {
            // a detail written without a key: a known phrase of its type, or the text as it was written
            String phrase = optional("audit.value." + type + "." + value, locale);
            return phrase != null ? new Fact(null, false, phrase, false) : new Fact(null, false, value, true);
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            String inner = value.substring(1, value.length() - 1).strip();
            if (inner.isEmpty()) {
                return new Fact(label, labelIsCode, message("audit.value.none", locale), false);
            }
            List<String> items = List.of(inner.split("\\s*,\\s*"));
            if (items.stream().allMatch(item -> labelled(lookup, item, locale))) {
                return new Fact(label, labelIsCode,
                        items.stream().map(item -> word(lookup, item, locale)).collect(Collectors.joining("、")),
                        false);
            }
            return new Fact(label, labelIsCode, inner, true);
        }
        if (INSTANT.matcher(value).matches()) {
            try {
                return new Fact(label, labelIsCode, TIME.format(Instant.parse(value)), false);
            } catch (DateTimeParseException ignored) {
                return new Fact(label, labelIsCode, value, true);
            }
        }
        if (labelled(lookup, value, locale)) {
            return new Fact(label, labelIsCode, word(lookup, value, locale), false);
        }
        return new Fact(label, labelIsCode, value, true);
    }

    private boolean labelled(String key, String value, Locale locale) {
        return wordOrNull(key, value, locale) != null;
    }

    private String word(String key, String value, Locale locale) {
        String word = wordOrNull(key, value, locale);
        return word == null ? value : word;
    }

    private String wordOrNull(String key, String value, Locale locale) {
        if (value.isEmpty() || value.contains(" ")) {
            return null;
        }
        String word = optional("audit.value." + key + "." + value, locale);
        if (word != null) {
            return word;
        }
        if (value.equals("true") || value.equals("false")) {
            return optional("audit.value." + value, locale);
        }
        if (!ENUM.matcher(value).matches()) {
            return null;
        }
        for (String prefix : VALUE_LABELS.getOrDefault(key, List.of())) {
            word = optional(prefix + value, locale);
            if (word != null) {
                return word;
            }
        }
        return optional("audit.value." + value, locale);
    }

    private String optional(String key, Locale locale) {
        return messages.getMessage(key, null, null, locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
