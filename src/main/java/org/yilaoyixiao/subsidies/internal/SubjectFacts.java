package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.subsidies.Programme;

/**
 * The facts of a real record (a person, an institution, a provider) as of a date, read from the owners' published
 * views (decision 0010) with the same definitions as the monthly runs, so a quote for a subject and its run line agree:
 * ages and capability levels as of the last day of the month, residents and children during the month.
 */
@Component
class SubjectFacts {

    private final JdbcClient jdbc;

    SubjectFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subject's facts and the division it belongs to (for the scope check); empty when there is no such subject. */
    record Subject(String divisionCode, String name, Map<String, Object> facts) {
    }

    Optional<Subject> of(Programme programme, long id, LocalDate asOf) {
        LocalDate monthStart = asOf.withDayOfMonth(1);
        LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
        return switch (programme) {
            case ELDERLY_SERVICE_SUBSIDY, CHILDCARE_ALLOWANCE -> person(programme, id, monthStart, monthEnd);
            case INSTITUTION_CONSTRUCTION, INSTITUTION_OPERATING -> institution(programme, id, asOf, monthStart, monthEnd);
            case CHILDCARE_OPERATING, CHILDCARE_SLOT_CONSTRUCTION -> provider(programme, id, monthStart, monthEnd);
        };
    }

    private Optional<Subject> person(Programme programme, long id, LocalDate monthStart, LocalDate monthEnd) {
        return jdbc.sql("""
                select p.name, p.birth_date, p.local_hukou, p.economic_status, p.status, p.death_date,
                       p.residence_division_code,
                       (select a.level from assessment.published_assessment a
                        where a.person_id = p.id and a.assessed_on <= :end
                        order by a.assessed_on desc, a.id desc limit 1) as level
                from registry.published_person p where p.id = :id
                """).param("id", id).param("end", monthEnd).query((rs, n) -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            LocalDate birth = rs.getObject("birth_date", LocalDate.class);
            LocalDate death = rs.getObject("death_date", LocalDate.class);
            String status = rs.getString("status");
            boolean current = "ACTIVE".equals(status)
                    || ("DECEASED".equals(status) && death != null && !death.isBefore(monthStart));
            if (programme == Programme.ELDERLY_SERVICE_SUBSIDY) {
                facts.put("age", Period.between(birth, monthEnd).getYears());
                facts.put("localHukou", rs.getBoolean("local_hukou"));
                facts.put("economicStatus", rs.getString("economic_status"));
                facts.put("capabilityLevel", rs.getObject("level") == null ? null : rs.getInt("level"));
            } else {
                facts.put("birthDate", birth.toString());
            }
            facts.put("inRegisterForMonth", current);
            return new Subject(rs.getString("residence_division_code"), rs.getString("name"), facts);
        }).optional();
    }

    private Optional<Subject> institution(Programme programme, long id, LocalDate asOf, LocalDate monthStart,
                                          LocalDate monthEnd) {
        return jdbc.sql("""
                select i.name, i.division_code, i.operation_model, i.kind, i.star_rating, i.star_rated_on, i.premises,
                       i.lease_ends_on, i.opened_on, i.nursing_beds, i.assisted_beds,
                       (select count(distinct pl.person_id) from placement.published_placement pl
                        join registry.published_person p on p.id = pl.person_id and p.local_hukou
                        where pl.kind = 'INSTITUTION' and pl.institution_id = i.id and pl.from_date <= :end
                          and (pl.to_date is null or pl.to_date >= :start)) as local_residents
                from facilities.published_institution i where i.id = :id
                """).param("id", id).param("start", monthStart).param("end", monthEnd).query((rs, n) -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            LocalDate ratedOn = rs.getObject("star_rated_on", LocalDate.class);
            Integer star = rs.getObject("star_rating") == null ? null : rs.getInt("star_rating");
            LocalDate ratingDate = programme == Programme.INSTITUTION_OPERATING ? monthEnd : asOf;
            if (ratedOn != null && ratedOn.isAfter(ratingDate)) {
                star = null;
            }
            facts.put("operationModel", rs.getString("operation_model"));
            facts.put("starRating", star);
            if (programme == Programme.INSTITUTION_OPERATING) {
                facts.put("kind", rs.getString("kind"));
                facts.put("localResidents", rs.getInt("local_residents"));
            } else {
                LocalDate opened = rs.getObject("opened_on", LocalDate.class);
                LocalDate leaseEnds = rs.getObject("lease_ends_on", LocalDate.class);
                facts.put("premises", rs.getString("premises"));
                if ("LEASED".equals(rs.getString("premises"))) {
                    facts.put("leaseYears", opened == null || leaseEnds == null ? 0
                            : Period.between(opened, leaseEnds).getYears());
                }
                facts.put("operatingMonths", opened == null || opened.isAfter(asOf) ? 0
                        : (int) ChronoUnit.MONTHS.between(opened, asOf));
                facts.put("beds", Map.of("NURSING", rs.getInt("nursing_beds"), "ASSISTED", rs.getInt("assisted_beds")));
            }
            return new Subject(rs.getString("division_code"), rs.getString("name"), facts);
        }).optional();
    }

    private Optional<Subject> provider(Programme programme, long id, LocalDate monthStart, LocalDate monthEnd) {
        return jdbc.sql("""
                select p.name, p.division_code, p.filed, p.filed_on, p.approved_slots, p.completed_on
                from facilities.published_childcare_provider p where p.id = :id
                """).param("id", id).query((rs, n) -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("approvedSlots", rs.getInt("approved_slots"));
            LocalDate filedOn = rs.getObject("filed_on", LocalDate.class);
            if (programme == Programme.CHILDCARE_SLOT_CONSTRUCTION) {
                facts.put("filedOn", rs.getBoolean("filed") && filedOn != null ? filedOn.toString() : null);
                LocalDate completedOn = rs.getObject("completed_on", LocalDate.class);
                if (completedOn != null) {
                    // when unknown, the quote asks for it (given facts complete a record)
                    facts.put("completedYear", completedOn.getYear());
                }
            } else {
                facts.put("filed", rs.getBoolean("filed") && filedOn != null && !filedOn.isAfter(monthEnd));
            }
            return new Subject(rs.getString("division_code"), rs.getString("name"), facts);
        }).optional().map(subject -> {
            if (programme == Programme.CHILDCARE_OPERATING) {
                Map<String, Object> enrolled = new LinkedHashMap<>();
                jdbc.sql("""
                        select c.class_type, count(distinct e.person_id) as n
                        from placement.published_enrolment e
                        join facilities.published_childcare_class c on c.id = e.class_id
                        where e.provider_id = :id and e.from_date <= :end and (e.to_date is null or e.to_date >= :start)
                        group by c.class_type
                        """).param("id", id).param("start", monthStart).param("end", monthEnd)
                        .query((rs, n) -> enrolled.put(rs.getString(1), rs.getInt(2))).list();
                subject.facts().put("enrolled", enrolled);
            }
            return subject;
        });
    }
}
