package org.yilaoyixiao.timebank.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * 老年教育 elderly education: courses (老年大学 classes online or offline, with a place and a term of sessions),
 * enrolments and attendance per session. Whether an enrolled elder is a regular participant (indicator I17) is
 * decided by {@link TimeBankSettings#regularParticipationShare()} of the sessions held.
 */
@Service
class Education {

    private final JdbcClient jdbc;
    private final TimeBank timeBank;
    private final Engagement engagement;
    private final TimeBankSettings settings;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Education(JdbcClient jdbc, TimeBank timeBank, Engagement engagement, TimeBankSettings settings,
              DivisionDirectory divisions, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.timeBank = timeBank;
        this.engagement = engagement;
        this.settings = settings;
        this.divisions = divisions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    enum Mode { ONLINE, OFFLINE }

    record Course(long id, String title, Mode mode, String location, String divisionCode, String provider,
                  LocalDate termStart, LocalDate termEnd, int sessions, long enrolled) {
    }

    record CourseRequest(String title, String mode, String location, String divisionCode, String provider,
                         LocalDate termStart, LocalDate termEnd, Integer sessions) {
    }

    private static final String COURSE = """
            select c.id, c.title, c.mode, c.location, c.division_code, c.provider, c.term_start, c.term_end, c.sessions,
                   (select count(*) from timebank.enrolment e where e.course_id = c.id) as enrolled
            from timebank.course c
            """;

    private static Course course(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Course(rs.getLong("id"), rs.getString("title"), Mode.valueOf(rs.getString("mode")),
                rs.getString("location"), rs.getString("division_code"), rs.getString("provider"),
                rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class),
                rs.getInt("sessions"), rs.getLong("enrolled"));
    }

    Course create(CourseRequest r, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.text(r.title(), "title", true, problems);
        Mode mode = null;
        try {
            mode = Mode.valueOf(r.mode() == null ? "" : r.mode().strip());
        } catch (IllegalArgumentException e) {
            problems.add(new ApiException.FieldProblem("mode", "INVALID", "timebank.course.mode.invalid",
                    new Object[0]));
        }
        Checks.text(r.location(), "location", mode == Mode.OFFLINE, problems);
        Checks.text(r.divisionCode(), "divisionCode", true, problems);
        Checks.text(r.provider(), "provider", false, problems);
        Checks.required(r.termStart(), "termStart", problems);
        Checks.required(r.termEnd(), "termEnd", problems);
        if (r.termStart() != null && r.termEnd() != null && r.termEnd().isBefore(r.termStart())) {
            problems.add(new ApiException.FieldProblem("termEnd", "BEFORE_START", "timebank.course.term.order",
                    new Object[0]));
        }
        if (r.sessions() == null || r.sessions() < 1 || r.sessions() > 500) {
            problems.add(new ApiException.FieldProblem("sessions", "RANGE", "timebank.course.sessions.range",
                    new Object[0]));
        }
        Checks.throwIfAny(problems);
        String division = r.divisionCode().strip();
        if (divisions.find(division).isEmpty()) {
            throw ApiException.validation("divisionCode", "UNKNOWN", "timebank.division.unknown", division);
        }
        engagement.scope(division, actor);
        Mode m = mode;
        return transactions.execute(status -> {
            long id = jdbc.sql("""
                            insert into timebank.course (title, mode, location, division_code, provider, term_start,
                                term_end, sessions, created_at, created_by)
                            values (:title, :mode, :location, :division, :provider, :start, :end, :sessions, :at,
                                    :actor) returning id
                            """).param("title", r.title().strip()).param("mode", m.name())
                    .param("location", Checks.strip(r.location())).param("division", division)
                    .param("provider", Checks.strip(r.provider())).param("start", r.termStart())
                    .param("end", r.termEnd()).param("sessions", r.sessions())
                    .param("at", Timestamp.from(clock.instant())).param("actor", actor.username())
                    .query(Long.class).single();
            audit.record(AuditRecord.success("TIMEBANK_COURSE_CREATED", "timebank-course:" + id,
                    "title=" + r.title().strip() + " division=" + division));
            return find(id).orElseThrow();
        });
    }

    Optional<Course> find(long id) {
        return jdbc.sql(COURSE + " where c.id = :id").param("id", id).query((rs, n) -> course(rs)).optional();
    }

    Course course(long id, CurrentUser actor) {
        return find(id).filter(c -> divisions.isWithin(actor.divisionCode(), c.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("timebank.course.not-found", id));
    }

    List<Course> courses(String division, CurrentUser actor) {
        Collection<String> area = divisions.subtreeCodes(engagement.scope(division, actor));
        return jdbc.sql(COURSE + " where c.division_code in (:area) order by c.term_start desc, c.id desc limit 200")
                .param("area", area).query((rs, n) -> course(rs)).list();
    }

    /** Enrols a person (anyone in the caller's scope: learners need not be volunteers). 409 if enrolled already. */
    void enrol(long courseId, Long personId, CurrentUser actor) {
        if (personId == null) {
            throw ApiException.validation("personId", "REQUIRED", "timebank.field.required", "personId");
        }
        course(courseId, actor);
        timeBank.person(personId, actor);
        transactions.executeWithoutResult(status -> {
            int added = jdbc.sql("""
                            insert into timebank.enrolment (course_id, person_id, enrolled_at, enrolled_by)
                            values (:course, :person, :at, :actor) on conflict do nothing
                            """).param("course", courseId).param("person", personId)
                    .param("at", Timestamp.from(clock.instant())).param("actor", actor.username()).update();
            if (added == 0) {
                throw ApiException.conflict("timebank.enrolment.exists", personId);
            }
            audit.record(AuditRecord.success("TIMEBANK_ENROLLED", "timebank-course:" + courseId,
                    "person=" + personId));
        });
    }

    /** Records that an enrolled person attended a session; the same again changes nothing. True if new. */
    boolean attend(long courseId, Long personId, Integer session, CurrentUser actor) {
        Course course = course(courseId, actor);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.required(personId, "personId", problems);
        if (session == null || session < 1 || session > course.sessions()) {
            problems.add(new ApiException.FieldProblem("session", "RANGE", "timebank.attendance.session.range",
                    new Object[] {course.sessions()}));
        }
        Checks.throwIfAny(problems);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean enrolled = jdbc.sql("select count(*) from timebank.enrolment where course_id = :course"
                            + " and person_id = :person").param("course", courseId).param("person", personId)
                    .query(Long.class).single() > 0;
            if (!enrolled) {
                throw ApiException.conflict("timebank.attendance.not-enrolled", personId);
            }
            int added = jdbc.sql("""
                            insert into timebank.attendance (course_id, person_id, session_no, recorded_at, recorded_by)
                            values (:course, :person, :session, :at, :actor) on conflict do nothing
                            """).param("course", courseId).param("person", personId).param("session", session)
                    .param("at", Timestamp.from(clock.instant())).param("actor", actor.username()).update();
            return added > 0;
        }));
    }

    /** An enrolled learner with the sessions they attended and whether that makes them a regular participant. */
    record Learner(long personId, String name, int attended, boolean regular) {
    }

    List<Learner> learners(long courseId, CurrentUser actor) {
        Course course = course(courseId, actor);
        int needed = sessionsNeeded(course.sessions());
        return jdbc.sql("""
                        select e.person_id, p.name,
                               (select count(*) from timebank.attendance a
                                where a.course_id = e.course_id and a.person_id = e.person_id) as attended
                        from timebank.enrolment e join registry.published_person p on p.id = e.person_id
                        where e.course_id = :course order by p.name, e.person_id
                        """).param("course", courseId)
                .query((rs, n) -> new Learner(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(3) >= needed))
                .list();
    }

    /** Sessions to attend of a term to count as a regular participant: the share, rounded up, at least one. */
    int sessionsNeeded(int sessions) {
        return Math.max(1, settings.regularParticipationShare().multiply(java.math.BigDecimal.valueOf(sessions))
                .setScale(0, java.math.RoundingMode.CEILING).intValue());
    }
}
