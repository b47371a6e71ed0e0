package org.yilaoyixiao.visits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TaskRepository {

    private static final String COLUMNS = "id, month, person_id, division_code, kind, seq, due_at, visitor, status, "
            + "visit_id";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Plans the month's scheduled visits from its population: one monthly task for a standard elder, one every
     * {@code intervalDays} for a high-risk elder. Existing tasks are kept (the unique key makes this idempotent);
     * open scheduled tasks of people who left the population or changed tier are cancelled.
     */
    int[] plan(YearMonth month, int intervalDays, Instant now) {
        LocalDate first = month.atDay(1);
        LocalDate today = now.atZone(org.yilaoyixiao.platform.time.BusinessTime.ZONE).toLocalDate();
        boolean current = YearMonth.from(today).equals(month);
        Timestamp monthEnd = Timestamp.from(Months.endOfDay(month.atEndOfMonth()));
        int created = jdbc.sql("""
                insert into visits.task (month, person_id, division_code, kind, seq, due_at, visitor, created_at)
                select t.month, t.person_id, t.division_code, 'MONTHLY', 1, :monthEnd, vv.visitor, :now
                from visits.target t left join visits.village_visitor vv on vv.village_code = t.division_code
                where t.month = :m and t.tier = 'STANDARD'
                on conflict (month, person_id, kind, seq) do nothing
                """).param("m", first).param("monthEnd", monthEnd).param("now", Timestamp.from(now)).update();
        int weeks = Math.max(1, month.lengthOfMonth() / intervalDays);
        for (int k = 1; k <= weeks; k++) {
            LocalDate dueDay = first.plusDays((long) k * intervalDays - 1);
            if (current && dueDay.isBefore(today)) {
                // an elder who became high-risk during the month is not late on day one: the visits already past
                // are not planned, and the last one of the month falls at its end at the earliest
                if (k < weeks) {
                    continue;
                }
                dueDay = month.atEndOfMonth();
            }
            Timestamp due = Timestamp.from(Months.endOfDay(dueDay));
            created += jdbc.sql("""
                    insert into visits.task (month, person_id, division_code, kind, seq, due_at, visitor, created_at)
                    select t.month, t.person_id, t.division_code, 'HIGH_RISK', :k, :due, vv.visitor, :now
                    from visits.target t left join visits.village_visitor vv on vv.village_code = t.division_code
                    where t.month = :m and t.tier = 'HIGH'
                    on conflict (month, person_id, kind, seq) do nothing
                    """).param("m", first).param("k", k).param("due", due).param("now", Timestamp.from(now)).update();
        }
        int cancelled = jdbc.sql("""
                update visits.task k set status = 'CANCELLED'
                where k.month = :m and k.status = 'OPEN' and k.kind in ('MONTHLY', 'HIGH_RISK')
                  and not exists (select 1 from visits.target t where t.month = k.month and t.person_id = k.person_id
                                  and t.tier = case k.kind when 'MONTHLY' then 'STANDARD' else 'HIGH' end)
                """).param("m", first).update();
        return new int[]{created, cancelled};
    }

    long followUp(long personId, String divisionCode, long eventId, Instant dueAt, String visitor, Instant now) {
        YearMonth month = Months.of(dueAt);
        return jdbc.sql("""
                insert into visits.task (month, person_id, division_code, kind, seq, due_at, visitor, trigger_event,
                                         created_at)
                values (:m, :p, :d, 'FOLLOW_UP', :seq, :due, :visitor, :event, :now) returning id
                """).param("m", month.atDay(1)).param("p", personId).param("d", divisionCode)
                .param("seq", (int) eventId).param("due", Timestamp.from(dueAt)).param("visitor", visitor)
                .param("event", eventId).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<String> villageVisitor(String villageCode) {
        return jdbc.sql("select visitor from visits.village_visitor where village_code = :v").param("v", villageCode)
                .query(String.class).optional();
    }

    void assignVillage(String villageCode, String visitor, String actor, Instant now, boolean openTasksToo) {
        jdbc.sql("""
                insert into visits.village_visitor (village_code, visitor, assigned_at, assigned_by)
                values (:v, :visitor, :now, :actor)
                on conflict (village_code) do update set visitor = excluded.visitor,
                    assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
                """).param("v", villageCode).param("visitor", visitor).param("now", Timestamp.from(now))
                .param("actor", actor).update();
        if (openTasksToo) {
            jdbc.sql("update visits.task set visitor = :visitor where division_code = :v and status = 'OPEN'")
                    .param("visitor", visitor).param("v", villageCode).update();
        }
    }

    List<String[]> villageVisitors(Set<String> codes) {
        return jdbc.sql("select village_code, visitor from visits.village_visitor where village_code in (:codes) "
                        + "order by village_code").param("codes", codes)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
    }

    Optional<Task> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from visits.task where id = :id").param("id", id)
                .query(TaskRepository::map).optional();
    }

    void reassign(long id, String visitor) {
        jdbc.sql("update visits.task set visitor = :visitor where id = :id").param("visitor", visitor)
                .param("id", id).update();
    }

    /** Open tasks due before {@code now} in the divisions, oldest first. */
    List<Task> overdue(Set<String> codes, Instant now, String visitor) {
        return jdbc.sql("select " + COLUMNS + " from visits.task where status = 'OPEN' and due_at < :now "
                        + "and division_code in (:codes) and (cast(:visitor as varchar) is null or visitor = :visitor) "
                        + "order by due_at, id limit 1000")
                .param("now", Timestamp.from(now)).param("codes", codes).param("visitor", visitor)
                .query(TaskRepository::map).list();
    }

    /** How many open tasks of a visitor fall due in [{@code from}, {@code until}); {@code from} null: any time before. */
    long countOpenFor(String visitor, Instant from, Instant until) {
        return jdbc.sql("select count(*) from visits.task where status = 'OPEN' and visitor = :visitor "
                        + "and (cast(:from as timestamptz) is null or due_at >= :from) and due_at < :until")
                .param("visitor", visitor).param("from", from == null ? null : Timestamp.from(from))
                .param("until", Timestamp.from(until)).query(Long.class).single();
    }

    /** The first open tasks of a visitor due in [{@code from}, {@code until}), most urgent first. */
    List<Task> firstOpenFor(String visitor, Instant from, Instant until, int limit) {
        return jdbc.sql("select " + COLUMNS + " from visits.task where status = 'OPEN' and visitor = :visitor "
                        + "and (cast(:from as timestamptz) is null or due_at >= :from) and due_at < :until "
                        + "order by due_at, id limit :limit")
                .param("visitor", visitor).param("from", from == null ? null : Timestamp.from(from))
                .param("until", Timestamp.from(until)).param("limit", limit).query(TaskRepository::map).list();
    }

    /** Open tasks past due in the divisions (optionally of one visitor): the count for a clerk's inbox. */
    long countOverdue(Set<String> codes, Instant now, String visitor) {
        return jdbc.sql("select count(*) from visits.task where status = 'OPEN' and due_at < :now "
                        + "and division_code in (:codes) and (cast(:visitor as varchar) is null or visitor = :visitor)")
                .param("now", Timestamp.from(now)).param("codes", codes).param("visitor", visitor)
                .query(Long.class).single();
    }

    /** One page of the open tasks past due in the divisions, oldest first, with the total. */
    org.yilaoyixiao.platform.api.PageResponse<Task> overdue(Set<String> codes, Instant now, String visitor,
                                                            org.yilaoyixiao.platform.api.PageRequest page) {
        long total = countOverdue(codes, now, visitor);
        List<Task> items = jdbc.sql("select " + COLUMNS + " from visits.task where status = 'OPEN' and due_at < :now "
                        + "and division_code in (:codes) and (cast(:visitor as varchar) is null or visitor = :visitor) "
                        + "order by due_at, id limit :size offset :offset")
                .param("now", Timestamp.from(now)).param("codes", codes).param("visitor", visitor)
                .param("size", page.size()).param("offset", page.offset()).query(TaskRepository::map).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** One page of a visitor's open tasks due before {@code until}, most urgent first, with the total. */
    org.yilaoyixiao.platform.api.PageResponse<Task> openFor(String visitor, Instant until,
                                                            org.yilaoyixiao.platform.api.PageRequest page) {
        long total = countOpenFor(visitor, null, until);
        List<Task> items = jdbc.sql("select " + COLUMNS + " from visits.task where status = 'OPEN' "
                        + "and visitor = :visitor and due_at < :until order by due_at, id limit :size offset :offset")
                .param("visitor", visitor).param("until", Timestamp.from(until)).param("size", page.size())
                .param("offset", page.offset()).query(TaskRepository::map).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** An overdue task with the person's name and masked ID number, for a spreadsheet. */
    record Listed(Task task, String name, String idNumberMasked) {
    }

    /** Every open task past due in the divisions, oldest first, streamed to {@code row}. */
    void eachOverdue(Set<String> codes, Instant now, String visitor, java.util.function.Consumer<Listed> row) {
        jdbc.sql("select k.id, k.month, k.person_id, k.division_code, k.kind, k.seq, k.due_at, k.visitor, k.status, "
                        + "k.visit_id, p.name, p.id_number_masked from visits.task k "
                        + "join registry.published_person p on p.id = k.person_id "
                        + "where k.status = 'OPEN' and k.due_at < :now and k.division_code in (:codes) "
                        + "and (cast(:visitor as varchar) is null or k.visitor = :visitor) order by k.due_at, k.id")
                .param("now", Timestamp.from(now)).param("codes", codes).param("visitor", visitor)
                .query(rs -> {
                    row.accept(new Listed(map(rs, 0), rs.getString("name"), rs.getString("id_number_masked")));
                });
    }

    /** A visitor's open tasks due before {@code until}, most urgent first. */
    List<Task> openFor(String visitor, Instant until) {
        return jdbc.sql("select " + COLUMNS + " from visits.task where status = 'OPEN' and visitor = :visitor "
                        + "and due_at < :until order by due_at, id limit 500")
                .param("visitor", visitor).param("until", Timestamp.from(until)).query(TaskRepository::map).list();
    }

    List<Task> ofMonth(YearMonth month, Set<String> codes) {
        return jdbc.sql("select " + COLUMNS + " from visits.task where month = :m and division_code in (:codes) "
                        + "order by due_at, id").param("m", month.atDay(1)).param("codes", codes)
                .query(TaskRepository::map).list();
    }

    /**
     * Marks done the task a visit answers: the given task if open, else the person's earliest open scheduled task of
     * the visit's month; and every open follow-up of an event that happened before the visit.
     */
    void complete(long personId, Long taskId, YearMonth month, Instant visitedAt, long visitId) {
        int done = 0;
        if (taskId != null) {
            done = jdbc.sql("update visits.task set status = 'DONE', visit_id = :v where id = :t and person_id = :p "
                            + "and status = 'OPEN'").param("v", visitId).param("t", taskId).param("p", personId)
                    .update();
        }
        if (done == 0) {
            jdbc.sql("""
                    update visits.task set status = 'DONE', visit_id = :v where id = (
                        select id from visits.task where person_id = :p and month = :m and status = 'OPEN'
                          and kind in ('MONTHLY', 'HIGH_RISK') order by due_at, id limit 1)
                    """).param("v", visitId).param("p", personId).param("m", month.atDay(1)).update();
        }
        jdbc.sql("""
                update visits.task k set status = 'DONE', visit_id = :v
                where k.person_id = :p and k.status = 'OPEN' and k.kind = 'FOLLOW_UP'
                  and exists (select 1 from visits.major_event e where e.id = k.trigger_event
                              and e.occurred_at < :at)
                """).param("v", visitId).param("p", personId).param("at", Timestamp.from(visitedAt)).update();
    }

    private static Task map(ResultSet rs, int row) throws SQLException {
        long visit = rs.getLong("visit_id");
        return new Task(rs.getLong("id"), rs.getObject("month", LocalDate.class), rs.getLong("person_id"),
                rs.getString("division_code"), rs.getString("kind"), rs.getInt("seq"),
                rs.getTimestamp("due_at").toInstant(), rs.getString("visitor"), rs.getString("status"),
                rs.wasNull() ? null : visit);
    }
}
