package org.yilaoyixiao.placement.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/**
 * Beds and classes on the person's timeline: admitted to an institution (or a family bed it supervises), discharged or
 * transferred, enrolled in and withdrawn from a childcare class, with the facility's name.
 */
@Component
class PlacementTimeline implements PersonTimelineSource {

    private final JdbcClient jdbc;

    PlacementTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        List<TimelineEntry> entries = new ArrayList<>();
        jdbc.sql("""
                        select p.id, p.kind, p.bed_type, p.from_date, p.to_date, p.end_reason, p.created_at,
                               coalesce(i.name, '') as facility
                        from placement.placement p left join facilities.published_institution i on i.id = p.institution_id
                        where p.person_id = :p
                        """)
                .param("p", personId)
                .query((rs, i) -> {
                    String facility = rs.getString("facility");
                    String kind = "FAMILY_BED".equals(rs.getString("kind")) ? "FAMILY_BED" : rs.getString("bed_type");
                    String reference = "placement:" + rs.getLong("id");
                    entries.add(new TimelineEntry(rs.getObject("from_date", LocalDate.class),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), "placement", "ADMITTED",
                            "timeline.placement.admitted." + kind, List.of(facility), reference));
                    LocalDate to = rs.getObject("to_date", LocalDate.class);
                    if (to != null) {
                        boolean transferred = Placements.TRANSFERRED.equals(rs.getString("end_reason"));
                        entries.add(new TimelineEntry(to, null, "placement", transferred ? "TRANSFERRED" : "DISCHARGED",
                                transferred ? "timeline.placement.transferred" : "timeline.placement.discharged",
                                List.of(facility), reference));
                    }
                    return null;
                }).list();
        jdbc.sql("""
                        select e.id, e.from_date, e.to_date, e.created_at, coalesce(cp.name, '') as facility
                        from placement.enrolment e
                        left join facilities.published_childcare_provider cp on cp.id = e.provider_id
                        where e.person_id = :p
                        """)
                .param("p", personId)
                .query((rs, i) -> {
                    String facility = rs.getString("facility");
                    String reference = "enrolment:" + rs.getLong("id");
                    entries.add(new TimelineEntry(rs.getObject("from_date", LocalDate.class),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), "placement", "ENROLLED",
                            "timeline.placement.enrolled", List.of(facility), reference));
                    LocalDate to = rs.getObject("to_date", LocalDate.class);
                    if (to != null) {
                        entries.add(new TimelineEntry(to, null, "placement", "WITHDRAWN",
                                "timeline.placement.withdrawn", List.of(facility), reference));
                    }
                    return null;
                }).list();
        return entries;
    }
}
