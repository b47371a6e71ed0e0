package org.yilaoyixiao.subsidies.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/**
 * Payments to the person on their timeline: the lines of approved runs only (a draft is not yet a decision), dated by
 * the month they are for, recorded when the run was approved.
 */
@Component
class SubsidyTimeline implements PersonTimelineSource {

    private final JdbcClient jdbc;

    SubsidyTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        // one index probe per approved run (run_id, subject_type, subject_id), not a scan of every line
        return jdbc.sql("""
                select l.id, l.kind, l.for_month, l.amount, r.programme, r.approved_at
                from subsidies.run r
                cross join lateral (select * from subsidies.run_line x
                                    where x.run_id = r.id and x.subject_type = 'PERSON' and x.subject_id = :person) l
                where r.status = 'APPROVED'
                """).param("person", personId).query((rs, i) -> new TimelineEntry(
                        rs.getObject("for_month", java.time.LocalDate.class),
                        rs.getObject("approved_at", OffsetDateTime.class).toInstant(), "subsidies",
                        "SUBSIDY_" + rs.getString("kind"),
                        "timeline.subsidies." + rs.getString("programme") + "." + rs.getString("kind"),
                        List.of(rs.getObject("for_month", java.time.LocalDate.class).toString().substring(0, 7),
                                rs.getBigDecimal("amount").abs().toPlainString()),
                        "subsidy-line:" + rs.getLong("id")))
                .list();
    }
}
