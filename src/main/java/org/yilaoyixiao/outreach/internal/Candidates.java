package org.yilaoyixiao.outreach.internal;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import tools.jackson.databind.ObjectMapper;

/** The candidates, their notices, and counts per division. */
@Repository
class Candidates {

    record Candidate(long id, long personId, String name, String idNumberMasked, String programme,
                     String divisionCode, String townshipCode, List<String> reasons, Map<String, Object> trace,
                     boolean current, String status, Instant firstFoundAt, String outcomeNote, Instant outcomeAt,
                     String outcomeBy, int notices) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Candidates(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String SELECT = """
            select c.id, c.person_id, p.name, p.id_number_masked, c.programme, c.division_code, c.township_code,
                   c.reasons, c.trace::text as trace, c.current, c.status, c.first_found_at, c.outcome_note,
                   c.outcome_at, c.outcome_by,
                   (select count(*) from outreach.notice n where n.candidate_id = c.id) as notices
            from outreach.candidate c join registry.published_person p on p.id = c.person_id
            """;

    /** Narrows the worklist: a programme, a status, the month the case was first found; nulls match everything. */
    record Filter(String programme, String status, java.time.YearMonth foundIn) {
    }

    private static final String WHERE = """
            where c.current and c.division_code in (:d)
              and (cast(:programme as varchar) is null or c.programme = :programme)
              and (cast(:status as varchar) is null or c.status = :status)
              and (cast(:from as timestamptz) is null or (c.first_found_at >= :from and c.first_found_at < :to))
            """;

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Set<String> divisions, Filter filter) {
        java.time.ZoneId zone = org.yilaoyixiao.platform.time.BusinessTime.ZONE;
        return spec.param("d", divisions).param("programme", filter.programme()).param("status", filter.status())
                .param("from", filter.foundIn() == null ? null
                        : java.sql.Timestamp.from(filter.foundIn().atDay(1).atStartOfDay(zone).toInstant()))
                .param("to", filter.foundIn() == null ? null
                        : java.sql.Timestamp.from(filter.foundIn().plusMonths(1).atDay(1).atStartOfDay(zone)
                        .toInstant()));
    }

    PageResponse<Candidate> worklist(String programme, Set<String> divisions, String status, PageRequest page) {
        return worklist(new Filter(programme, status, null), divisions, page);
    }

    PageResponse<Candidate> worklist(Filter filter, Set<String> divisions, PageRequest page) {
        long total = bind(jdbc.sql("select count(*) from outreach.candidate c " + WHERE), divisions, filter)
                .query(Long.class).single();
        List<Candidate> items = bind(jdbc.sql(SELECT + WHERE + " order by c.township_code, c.division_code, c.id "
                        + "limit :size offset :offset"), divisions, filter)
                .param("size", page.size()).param("offset", page.offset()).query(this::map).list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Every case of the worklist's filter, in its order, streamed (for the Excel copy). */
    void eachCase(Filter filter, Set<String> divisions, java.util.function.Consumer<Candidate> consumer) {
        try (var stream = bind(jdbc.sql(SELECT + WHERE + " order by c.township_code, c.division_code, c.id"),
                divisions, filter).query(this::map).stream()) {
            stream.forEach(consumer);
        }
    }

    /** Current cases waiting for a notice (OPEN) of these programmes in these divisions: the inbox count. */
    long waiting(Set<String> divisions, Collection<String> programmes) {
        if (programmes.isEmpty() || divisions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from outreach.candidate where current and status = 'OPEN' "
                        + "and division_code in (:d) and programme in (:p)")
                .param("d", divisions).param("p", programmes).query(Long.class).single();
    }

    /** The notices sent for a case, oldest first. */
    List<Notice> notices(long candidateId) {
        return jdbc.sql("""
                select n.id, n.candidate_id, c.programme, n.channel, n.sent_at, n.sent_by from outreach.notice n
                join outreach.candidate c on c.id = n.candidate_id where n.candidate_id = :c order by n.id
                """).param("c", candidateId).query((rs, i) -> new Notice(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getString(6))).list();
    }

    Optional<Candidate> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(this::map).optional();
    }

    List<Candidate> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where c.person_id = :p order by c.id").param("p", personId).query(this::map).list();
    }

    record Notice(long id, long candidateId, String programme, String channel, Instant sentAt, String sentBy) {
    }

    List<Notice> noticesOfPerson(long personId) {
        return jdbc.sql("""
                select n.id, n.candidate_id, c.programme, n.channel, n.sent_at, n.sent_by from outreach.notice n
                join outreach.candidate c on c.id = n.candidate_id where c.person_id = :p order by n.id
                """).param("p", personId).query((rs, i) -> new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6))).list();
    }

    long addNotice(long candidateId, String channel, Long messageId, Instant now, String actor) {
        jdbc.sql("update outreach.candidate set status = 'NOTIFIED' where id = :id and status = 'OPEN'")
                .param("id", candidateId).update();
        return jdbc.sql("""
                insert into outreach.notice (candidate_id, channel, message_id, sent_at, sent_by)
                values (:c, :channel, :message, :now, :actor) returning id
                """).param("c", candidateId).param("channel", channel).param("message", messageId)
                .param("now", java.sql.Timestamp.from(now)).param("actor", actor).query(Long.class).single();
    }

    void outcome(long candidateId, String outcome, String note, Instant now, String actor) {
        jdbc.sql("""
                update outreach.candidate set status = :outcome, outcome_note = :note, outcome_at = :now,
                    outcome_by = :actor where id = :id
                """).param("outcome", outcome).param("note", note).param("now", java.sql.Timestamp.from(now))
                .param("actor", actor).param("id", candidateId).update();
    }

    /** Current, still open cases ("eligible but not enrolled") of a programme per division. */
    Map<String, Long> openByDivision(String programme, Set<String> divisions) {
        return jdbc.sql("""
                        select division_code, count(*) from outreach.candidate
                        where programme = :programme and current and status in ('OPEN', 'NOTIFIED', 'NOT_REACHABLE')
                          and division_code in (:d)
                        group by division_code
                        """).param("programme", programme).param("d", divisions)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Map<String, Long> openByProgramme(Set<String> divisions) {
        return jdbc.sql("""
                        select programme, count(*) from outreach.candidate
                        where current and status in ('OPEN', 'NOTIFIED', 'NOT_REACHABLE') and division_code in (:d)
                        group by programme
                        """).param("d", divisions)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @SuppressWarnings("unchecked")
    private Candidate map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Array reasons = rs.getArray("reasons");
        OffsetDateTime outcomeAt = rs.getObject("outcome_at", OffsetDateTime.class);
        return new Candidate(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
                rs.getString("id_number_masked"), rs.getString("programme"), rs.getString("division_code"),
                rs.getString("township_code"),
                reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()),
                json.readValue(rs.getString("trace"), Map.class), rs.getBoolean("current"), rs.getString("status"),
                rs.getObject("first_found_at", OffsetDateTime.class).toInstant(), rs.getString("outcome_note"),
                outcomeAt == null ? null : outcomeAt.toInstant(), rs.getString("outcome_by"), rs.getInt("notices"));
    }
}
