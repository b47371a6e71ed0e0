package org.yilaoyixiao.guardian.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/** Silver-guardian alerts on the person's timeline: each incident once, when it was opened. */
@Component
class GuardianTimeline implements PersonTimelineSource {

    private final JdbcClient jdbc;

    GuardianTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        return jdbc.sql("select id, type, opened_at from guardian.alert where person_id = :p")
                .param("p", personId).query((rs, i) -> {
                    var at = rs.getObject("opened_at", OffsetDateTime.class).toInstant();
                    return new TimelineEntry(at.atZone(BusinessTime.ZONE).toLocalDate(), at, "guardian",
                            "ALERT_" + rs.getString("type"), "timeline.guardian.alert." + rs.getString("type"),
                            List.of(), "guardian-alert:" + rs.getLong("id"));
                }).list();
    }
}
