package org.yilaoyixiao.visits.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.exchange.HospitalDischargeReported;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.visits.VisitTiers;

/**
 * A hospital discharge reported by the health feed raises the elder's visit tier to HIGH for the next
 * {@link VisitTiers#DISCHARGE_RAISE_DAYS} days and, as a major event, plans a follow-up visit within the follow-up
 * hours. Runs after the feed's transaction commits, from the event publication registry; the raise is keyed by the
 * feed record, so a repeated event changes nothing. The current month's target row is raised at once.
 */
@Component
class DischargeTierRaise implements VisitTiers {

    private static final CurrentUser EXCHANGE = new CurrentUser(0, "data-exchange", "数据交换", Set.of(), "", null);

    private final JdbcClient jdbc;
    private final Visits visits;
    private final PersonDirectory persons;
    private final Clock clock;

    DischargeTierRaise(JdbcClient jdbc, Visits visits, PersonDirectory persons, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.persons = persons;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HospitalDischargeReported discharge) {
        LocalDate until = discharge.dischargedOn().plusDays(DISCHARGE_RAISE_DAYS - 1L);
        int raised = jdbc.sql("""
                insert into visits.tier_raise (person_id, from_date, until_date, reason, source, created_at)
                values (:p, :from, :until, 'HOSPITAL_DISCHARGE', :source, :now)
                on conflict (source) do nothing
                """).param("p", discharge.personId()).param("from", discharge.dischargedOn()).param("until", until)
                .param("source", "feed-record:" + discharge.feedRecordId())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        if (raised == 0) {
            return;
        }
        jdbc.sql("update visits.target set tier = 'HIGH' where person_id = :p and month = :m")
                .param("p", discharge.personId()).param("m", YearMonth.from(BusinessTime.today(clock)).atDay(1))
                .update();
        persons.find(discharge.personId()).ifPresent(person -> visits.majorEvent(person, "HOSPITAL_DISCHARGE",
                discharge.dischargedOn().atTime(12, 0).atZone(BusinessTime.ZONE).toInstant(),
                "出院" + (discharge.note() == null ? "" : " " + discharge.note()) + " (feed-record:"
                        + discharge.feedRecordId() + ")", EXCHANGE));
    }

    @Override
    public Optional<String> tierOn(long personId, LocalDate day) {
        boolean raised = jdbc.sql("""
                select exists (select 1 from visits.tier_raise where person_id = :p
                               and from_date <= :d and until_date >= :d)
                """).param("p", personId).param("d", day).query(Boolean.class).single();
        if (raised) {
            return Optional.of("HIGH");
        }
        return jdbc.sql("select tier from visits.target where person_id = :p and month = :m")
                .param("p", personId).param("m", YearMonth.from(day).atDay(1)).query(String.class).optional();
    }
}
