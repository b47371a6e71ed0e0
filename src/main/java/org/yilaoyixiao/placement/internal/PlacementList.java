package org.yilaoyixiao.placement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.placement.PlacementKind;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.registry.Ages;

/**
 * The placement and enrolment lists as clerks page through them: one page of periods in the user's scope (the
 * facility's division) with the person's name, masked ID number and residence and the facility's name, read through
 * the registry's and facilities' published views (decision 0010), and the total.
 */
@Repository
class PlacementList {

    /** Whether a period is still running. */
    enum Status {
        CURRENT, ENDED, ALL
    }

    /** How the rows are ordered. */
    enum Sort {
        NEWEST, OLDEST, NAME
    }

    record PlacementFilter(Set<String> codes, Long institutionId, PlacementKind kind, BedType bedType,
                           Status status, LocalDate from, LocalDate to, boolean deceased) {

        PlacementFilter(Set<String> codes, Long institutionId, PlacementKind kind, BedType bedType, Status status,
                        LocalDate from, LocalDate to) {
            this(codes, institutionId, kind, bedType, status, from, to, false);
        }
    }

    record EnrolmentFilter(Set<String> codes, Long providerId, Status status, LocalDate from, LocalDate to) {
    }

    /** A person as a list row shows them. */
    record Person(long id, String name, String idNumberMasked, String residenceDivisionCode, LocalDate birthDate,
                  LocalDate deathDate) {

        /** Full years on a date, as everywhere ({@link Ages}). */
        public int ageOn(LocalDate on) {
            return Ages.yearsOn(birthDate, deathDate, on);
        }

        public int ageMonthsOn(LocalDate on) {
            return Ages.monthsOn(birthDate, deathDate, on);
        }
    }

    record PlacementRow(long id, Person person, PlacementKind kind, long institutionId, String institutionName,
                        String divisionCode, String bedType, LocalDate fromDate, LocalDate toDate, String endReason) {

        public boolean current() {
            return toDate == null;
        }
    }

    record EnrolmentRow(long id, Person person, long providerId, String providerName, long classId, String classType,
                        String divisionCode, LocalDate fromDate, LocalDate toDate) {

        public boolean current() {
            return toDate == null;
        }
    }

    private final JdbcClient jdbc;

    PlacementList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<PlacementRow> placements(PlacementFilter filter, Sort sort, PageRequest page) {
        Where where = where(filter);
        String counted = filter.deceased() ? " join registry.published_person pp on pp.id = p.person_id" : "";
        long total = jdbc.sql("select count(*) from placement.placement p" + counted + where.sql())
                .params(where.params()).query(Long.class).single();
        String sql = sort == Sort.NAME || filter.deceased()
                ? PLACEMENT_SELECT + where.sql() + order(sort) + " limit :limit offset :offset"
                // newest or oldest first: take the page from the index, then join the names of its rows only
                : PLACEMENT_SELECT.replace("from placement.placement p", "from (select * from placement.placement p"
                        + where.sql() + order(sort) + " limit :limit offset :offset) p") + order(sort);
        List<PlacementRow> rows = total == 0 ? List.of() : jdbc.sql(sql)
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(PlacementList::placement).list();
        return new PageResponse<>(rows, page.page(), page.size(), total);
    }

    /** Every row of the filter in list order, at most {@code limit}, for an export. */
    void eachPlacement(PlacementFilter filter, Sort sort, int limit, Consumer<PlacementRow> consumer) {
        Where where = where(filter);
        // the stream holds a connection until it is closed: an export that forgets leaks one each time
        try (java.util.stream.Stream<PlacementRow> rows = jdbc.sql(PLACEMENT_SELECT + where.sql() + order(sort) + " limit :limit").params(where.params())
                .param("limit", limit).query(PlacementList::placement).stream()) {
            rows.forEach(consumer);
        }
    }

    /** Current placements in the scope of people who have died since: discharges to record. */
    long deceasedStillPlaced(Set<String> codes) {
        return jdbc.sql("""
                        select count(*) from placement.placement p
                        join registry.published_person pp on pp.id = p.person_id
                        where p.to_date is null and p.division_code = any(:codes) and pp.death_date is not null
                        """)
                .param("codes", codes.toArray(String[]::new)).query(Long.class).single();
    }

    PageResponse<EnrolmentRow> enrolments(EnrolmentFilter filter, Sort sort, PageRequest page) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from placement.enrolment p" + where.sql()).params(where.params())
                .query(Long.class).single();
        String sql = sort == Sort.NAME
                ? ENROLMENT_SELECT + where.sql() + order(sort) + " limit :limit offset :offset"
                : ENROLMENT_SELECT.replace("from placement.enrolment p", "from (select * from placement.enrolment p"
                        + where.sql() + order(sort) + " limit :limit offset :offset) p") + order(sort);
        List<EnrolmentRow> rows = total == 0 ? List.of() : jdbc.sql(sql)
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(PlacementList::enrolment).list();
        return new PageResponse<>(rows, page.page(), page.size(), total);
    }

    void eachEnrolment(EnrolmentFilter filter, Sort sort, int limit, Consumer<EnrolmentRow> consumer) {
        Where where = where(filter);
        // the stream holds a connection until it is closed: an export that forgets leaks one each time
        try (java.util.stream.Stream<EnrolmentRow> rows = jdbc.sql(ENROLMENT_SELECT + where.sql() + order(sort) + " limit :limit").params(where.params())
                .param("limit", limit).query(PlacementList::enrolment).stream()) {
            rows.forEach(consumer);
        }
    }

    private static final String PERSON_COLUMNS = """
            pp.name as person_name, pp.id_number_masked, pp.residence_division_code, pp.birth_date,
            pp.death_date""";

    private static final String PLACEMENT_SELECT = """
            select p.id, p.person_id, p.kind, p.institution_id, p.division_code, p.bed_type, p.from_date, p.to_date,
                   p.end_reason, i.name as facility_name,
            """ + PERSON_COLUMNS + """

            from placement.placement p
            join registry.published_person pp on pp.id = p.person_id
            left join facilities.published_institution i on i.id = p.institution_id""";

    private static final String ENROLMENT_SELECT = """
            select p.id, p.person_id, p.provider_id, p.class_id, p.division_code, p.from_date, p.to_date,
                   cp.name as facility_name, c.class_type,
            """ + PERSON_COLUMNS + """

            from placement.enrolment p
            join registry.published_person pp on pp.id = p.person_id
            left join facilities.published_childcare_provider cp on cp.id = p.provider_id
            left join facilities.published_childcare_class c on c.id = p.class_id""";

    private static String order(Sort sort) {
        return switch (sort == null ? Sort.NEWEST : sort) {
            case NEWEST -> " order by p.from_date desc, p.id desc";
            case OLDEST -> " order by p.from_date, p.id";
            case NAME -> " order by pp.name, p.id";
        };
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(PlacementFilter f) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        common(f.codes(), f.status(), f.from(), f.to(), conditions, params);
        if (f.institutionId() != null) {
            conditions.add("p.institution_id = :facility");
            params.put("facility", f.institutionId());
        }
        if (f.kind() != null) {
            conditions.add("p.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.bedType() != null) {
            conditions.add("p.bed_type = :bedType");
            params.put("bedType", f.bedType().name());
        }
        if (f.deceased()) {
            conditions.add("pp.death_date is not null");
        }
        return new Where(" where " + String.join(" and ", conditions), params);
    }

    private static Where where(EnrolmentFilter f) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        common(f.codes(), f.status(), f.from(), f.to(), conditions, params);
        if (f.providerId() != null) {
            conditions.add("p.provider_id = :facility");
            params.put("facility", f.providerId());
        }
        return new Where(" where " + String.join(" and ", conditions), params);
    }

    private static void common(Set<String> codes, Status status, LocalDate from, LocalDate to,
                               List<String> conditions, Map<String, Object> params) {
        conditions.add("p.division_code = any(:codes)");
        params.put("codes", codes.toArray(String[]::new));
        switch (status == null ? Status.CURRENT : status) {
            case CURRENT -> conditions.add("p.to_date is null");
            case ENDED -> conditions.add("p.to_date is not null");
            case ALL -> {
            }
        }
        if (from != null) {
            conditions.add("p.from_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            conditions.add("p.from_date <= :to");
            params.put("to", to);
        }
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getLong("person_id"), rs.getString("person_name"), rs.getString("id_number_masked"),
                rs.getString("residence_division_code"), rs.getObject("birth_date", LocalDate.class),
                rs.getObject("death_date", LocalDate.class));
    }

    private static PlacementRow placement(ResultSet rs, int row) throws SQLException {
        return new PlacementRow(rs.getLong("id"), person(rs), PlacementKind.valueOf(rs.getString("kind")),
                rs.getLong("institution_id"), rs.getString("facility_name"), rs.getString("division_code"),
                rs.getString("bed_type"), rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class), rs.getString("end_reason"));
    }

    private static EnrolmentRow enrolment(ResultSet rs, int row) throws SQLException {
        return new EnrolmentRow(rs.getLong("id"), person(rs), rs.getLong("provider_id"),
                rs.getString("facility_name"), rs.getLong("class_id"), rs.getString("class_type"),
                rs.getString("division_code"), rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class));
    }
}
