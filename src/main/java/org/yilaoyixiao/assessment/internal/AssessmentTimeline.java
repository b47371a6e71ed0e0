package org.yilaoyixiao.assessment.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/** Capability assessments on the person's timeline: each result with its level, under either scheme. */
@Component
class AssessmentTimeline implements PersonTimelineSource {

    private final JdbcClient jdbc;

    AssessmentTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        List<TimelineEntry> entries = new java.util.ArrayList<>(jdbc.sql("""
                select id, assessed_on, final_level, created_at from assessment.assessment where person_id = :p
                """).param("p", personId).query((rs, i) -> new TimelineEntry(
                        rs.getObject("assessed_on", java.time.LocalDate.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), "assessment", "ASSESSED",
                        "timeline.assessment.level." + rs.getInt("final_level"), List.of(),
                        "assessment:" + rs.getLong("id"))).list());
        // results under the older MZ/T 039-2013 keep their own 0-3 scale and are never converted
        entries.addAll(jdbc.sql("""
                select id, assessed_on, level, imported_at as created_at from assessment.legacy_assessment where person_id = :p
                """).param("p", personId).query((rs, i) -> new TimelineEntry(
                        rs.getObject("assessed_on", java.time.LocalDate.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), "assessment", "ASSESSED_LEGACY",
                        "timeline.assessment.legacy", List.of(String.valueOf(rs.getInt("level"))),
                        "legacy-assessment:" + rs.getLong("id"))).list());
        return entries;
    }
}
