package org.yilaoyixiao.exchange.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/** Each feed record applied to a person, on the person's timeline, with its source record. */
@Component
class ExchangeTimeline implements PersonTimelineSource {

    private final FeedRepository feeds;

    ExchangeTimeline(FeedRepository feeds) {
        this.feeds = feeds;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        return feeds.ofPerson(personId).stream()
                .map(r -> new TimelineEntry(r.effectiveDate(), r.createdAt(), "exchange", r.type(),
                        "timeline.exchange." + r.type(), List.of(detail(r)), r.feed() + "#" + r.recordId()))
                .toList();
    }

    private static String detail(FeedRepository.Stored r) {
        Object value = switch (r.type()) {
            case "STATUS_CHANGE" -> r.payload().get("economicStatus");
            case "MOVE_IN", "RESIDENCE_CHANGE" -> r.payload().get("residenceDivisionCode");
            case "PENSION_STATUS" -> r.payload().get("pensionStatus");
            case "CHRONIC_ENROLMENT" -> r.payload().get("condition");
            case "DISCHARGE" -> r.payload().get("hospital");
            default -> null;
        };
        return value == null ? "" : value.toString();
    }
}
