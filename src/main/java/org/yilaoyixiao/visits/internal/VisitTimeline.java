package org.yilaoyixiao.visits.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/** Visits recorded, major events and tier raises on the person's timeline. */
@Component
class VisitTimeline implements PersonTimelineSource {

    private final JdbcClient jdbc;

    VisitTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.addAll(jdbc.sql("select id, visited_at, mode, visitor from visits.visit where person_id = :p")
                .param("p", personId).query((rs, i) -> {
                    var at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    return new TimelineEntry(at.atZone(BusinessTime.ZONE).toLocalDate(), at, "visits", "VISIT",
                            "timeline.visits.visit." + rs.getString(3), List.of(rs.getString(4)),
                            "visit:" + rs.getLong(1));
                }).list());
        entries.addAll(jdbc.sql("select id, kind, occurred_at, created_at from visits.major_event where person_id = :p")
                .param("p", personId).query((rs, i) -> {
                    var at = rs.getObject(3, OffsetDateTime.class).toInstant();
                    return new TimelineEntry(at.atZone(BusinessTime.ZONE).toLocalDate(),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), "visits", "MAJOR_EVENT",
                            "timeline.visits.event." + rs.getString(2), List.of(), "visit-event:" + rs.getLong(1));
                }).list());
        entries.addAll(jdbc.sql("select id, from_date, until_date, created_at, source from visits.tier_raise "
                        + "where person_id = :p").param("p", personId)
                .query((rs, i) -> new TimelineEntry(rs.getObject(2, java.time.LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), "visits", "TIER_RAISED",
                        "timeline.visits.tier-raised", List.of(rs.getObject(3, java.time.LocalDate.class).toString()),
                        rs.getString(5))).list());
        return entries;
    }
}
