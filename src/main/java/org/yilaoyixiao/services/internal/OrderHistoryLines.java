package org.yilaoyixiao.services.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.services.NeedChannel;

/**
 * An order's history as a clerk reads it: the actor by display name (or, for a module acting on its own, the module's
 * name), and the stored notes — codes such as {@code PHONE}, {@code butler:wang} or {@code 5★ ELDER} — put into words
 * of the reader's language. Rows written before this existed read the same way: nothing is rewritten.
 */
@Component
class OrderHistoryLines {

    private static final Pattern DISPATCHED_TO_BUTLER = Pattern.compile("^butler:(\\S+)$");
    private static final Pattern DISPATCHED_TO_PROVIDER = Pattern.compile("^provider:\\d+ (.+)$");
    private static final Pattern EVALUATION = Pattern.compile("^(\\d)★ (ELDER|FAMILY)(?: (.*))?$", Pattern.DOTALL);
    private static final Pattern SPOT_CHECK = Pattern.compile("^(PASSED|FAILED)(?: (.*))?$", Pattern.DOTALL);
    private static final Pattern LOCATION = Pattern.compile("^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$");

    private final OrderCards cards;
    private final MessageSource messages;

    OrderHistoryLines(OrderCards cards, MessageSource messages) {
        this.cards = cards;
        this.messages = messages;
    }

    /** One line of the history table. */
    record Line(LocalDateTime at, String action, String status, String actor, String note) {
    }

    List<Line> of(List<OrderTransition> history, Locale locale) {
        List<String> usernames = new ArrayList<>(history.stream().map(OrderTransition::actor).toList());
        history.stream().map(OrderTransition::note).filter(n -> n != null)
                .map(DISPATCHED_TO_BUTLER::matcher).filter(Matcher::matches).forEach(m -> usernames.add(m.group(1)));
        Map<String, String> names = cards.userNames(usernames);
        return history.stream().map(h -> new Line(LocalDateTime.ofInstant(h.at(), BusinessTime.ZONE),
                h.action() == null ? text("services.history.created", locale) : text(h.action().labelKey(), locale),
                text(h.toStatus().labelKey(), locale), actor(h.actor(), names, locale),
                note(h, names, locale))).toList();
    }

    private String actor(String actor, Map<String, String> names, Locale locale) {
        if (actor == null) {
            return "";
        }
        String name = names.get(actor);
        if (name != null) {
            return name;
        }
        // a module acting by itself (guardian, visits) or a removed account
        return messages.getMessage("services.actor." + actor, null, text("services.actor.other", locale), locale);
    }

    private String note(OrderTransition h, Map<String, String> names, Locale locale) {
        String note = h.note();
        if (note == null || note.isBlank()) {
            return "";
        }
        if (h.action() == null) {
            for (NeedChannel channel : NeedChannel.values()) {
                if (channel.name().equals(note)) {
                    return text(channel.labelKey(), locale);
                }
            }
            return note;
        }
        Matcher butler = DISPATCHED_TO_BUTLER.matcher(note);
        if (butler.matches()) {
            return messages.getMessage("services.history.to", new Object[]{names.getOrDefault(butler.group(1),
                    text("services.actor.other", locale))}, locale);
        }
        Matcher provider = DISPATCHED_TO_PROVIDER.matcher(note);
        if (provider.matches()) {
            return messages.getMessage("services.history.to", new Object[]{provider.group(1)}, locale);
        }
        Matcher evaluation = EVALUATION.matcher(note);
        if (evaluation.matches()) {
            return messages.getMessage("services.history.evaluation", new Object[]{evaluation.group(1),
                    text("services.evaluated-by." + evaluation.group(2), locale),
                    evaluation.group(3) == null ? "" : evaluation.group(3)}, locale).strip();
        }
        if (LOCATION.matcher(note).matches()) {
            return messages.getMessage("services.history.location", new Object[]{note}, locale);
        }
        Matcher check = SPOT_CHECK.matcher(note);
        if (h.action() == OrderAction.SPOT_CHECK && check.matches()) {
            return (text("services.check." + check.group(1), locale) + " "
                    + (check.group(2) == null ? "" : check.group(2))).strip();
        }
        return note;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
