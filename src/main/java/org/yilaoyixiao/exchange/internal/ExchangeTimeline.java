package org.yilaoyixiao.exchange.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/**
 * Each feed record applied to a person, on the person's timeline, with its source record; the detail in the reader's
 * words (an economic status, a pension status, a division by name), never a code.
 */
@Component
class ExchangeTimeline implements PersonTimelineSource {

    private final FeedRepository feeds;
    private final MessageSource messages;
    private final DivisionDirectory divisions;

    ExchangeTimeline(FeedRepository feeds, MessageSource messages, DivisionDirectory divisions) {
        this.feeds = feeds;
        this.messages = messages;
        this.divisions = divisions;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        Locale locale = LocaleContextHolder.getLocale();
        return feeds.ofPerson(personId).stream()
                .map(r -> new TimelineEntry(r.effectiveDate(), r.createdAt(), "exchange", r.type(),
                        "timeline.exchange." + r.type(), List.of(detail(r, locale)), r.feed() + "#" + r.recordId()))
                .toList();
    }

    private String detail(FeedRepository.Stored r, Locale locale) {
        Object value = switch (r.type()) {
            case "STATUS_CHANGE" -> word("economic-status.", r.payload().get("economicStatus"), locale);
            case "MOVE_IN", "RESIDENCE_CHANGE" -> place(r.payload().get("residenceDivisionCode"));
            case "PENSION_STATUS" -> word("exchange.pension-status.", r.payload().get("pensionStatus"), locale);
            case "CHRONIC_ENROLMENT" -> r.payload().get("condition");
            case "DISCHARGE" -> r.payload().get("hospital");
            default -> null;
        };
        return value == null ? "" : value.toString();
    }

    private String word(String prefix, Object code, Locale locale) {
        return code == null ? null : messages.getMessage(prefix + code, null, "", locale);
    }

    private String place(Object code) {
        return code == null ? null : divisions.path(String.valueOf(code)).stream().skip(1).map(Division::name)
                .reduce((a, b) -> a + " › " + b).orElse("");
    }
}
