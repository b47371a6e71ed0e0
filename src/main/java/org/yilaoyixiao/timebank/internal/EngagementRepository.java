package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations, volunteers with their skills (the talent database) and activities with their participants. */
@Repository
class EngagementRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    EngagementRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    record Organisation(long id, String name, String kind, String divisionCode) {
    }

    Optional<Organisation> organisation(String divisionCode, String name) {
        return jdbc.sql("select id, name, kind, division_code from timebank.organisation"
                        + " where division_code = :division and name = :name")
                .param("division", divisionCode).param("name", name)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    Optional<Organisation> organisation(long id) {
        return jdbc.sql("select id, name, kind, division_code from timebank.organisation where id = :id")
                .param("id", id)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    List<Organisation> organisationsIn(Collection<String> divisions) {
        return jdbc.sql("select id, name, kind, division_code from timebank.organisation"
                        + " where division_code in (:divisions) order by division_code, name")
                .param("divisions", divisions)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    long insertOrganisation(String name, String kind, String divisionCode, String actor) {
        return jdbc.sql("""
                        insert into timebank.organisation (name, kind, division_code, created_at, created_by)
                        values (:name, :kind, :division, :at, :actor)
                        on conflict (division_code, name) do update set name = excluded.name returning id
                        """).param("name", name).param("kind", kind).param("division", divisionCode)
                .param("at", now()).param("actor", actor).query(Long.class).single();
    }

    record Volunteer(long personId, String divisionCode, Long organisationId, String organisationName,
                     String formerProfession, String availability, boolean willingToShare, boolean ownPhone,
                     String username, Instant consentAt, String consentBy, Instant registeredAt,
                     List<String> skills) {
    }

    private static final String VOLUNTEER = """
            select v.person_id, v.division_code, v.organisation_id, o.name as organisation_name, v.former_profession,
                   v.availability, v.willing_to_share, v.own_phone, v.username, v.consent_at, v.consent_by, v.registered_at,
                   coalesce((select array_agg(s.skill order by s.skill) from timebank.volunteer_skill s
                             where s.person_id = v.person_id), '{}') as skills
            from timebank.volunteer v left join timebank.organisation o on o.id = v.organisation_id
            """;

    private static Volunteer volunteer(ResultSet rs) throws SQLException {
        return new Volunteer(rs.getLong("person_id"), rs.getString("division_code"),
                (Long) rs.getObject("organisation_id"), rs.getString("organisation_name"),
                rs.getString("former_profession"), rs.getString("availability"), rs.getBoolean("willing_to_share"),
                rs.getBoolean("own_phone"), rs.getString("username"), rs.getTimestamp("consent_at").toInstant(),
                rs.getString("consent_by"),
                rs.getTimestamp("registered_at").toInstant(), List.of((String[]) rs.getArray("skills").getArray()));
    }

    Optional<Volunteer> volunteer(long personId) {
        return jdbc.sql(VOLUNTEER + " where v.person_id = :person and v.withdrawn_at is null")
                .param("person", personId).query((rs, n) -> volunteer(rs)).optional();
    }

    /** The volunteer whose platform account this is, if any (withdrawn ones included: their past work stays theirs). */
    Optional<Long> volunteerByUsername(String username) {
        return jdbc.sql("select person_id from timebank.volunteer where username = :u").param("u", username)
                .query(Long.class).optional();
    }

    boolean volunteerExists(long personId) {
        return jdbc.sql("select count(*) from timebank.volunteer where person_id = :person").param("person", personId)
                .query(Long.class).single() > 0;
    }

    List<Volunteer> volunteersIn(Collection<String> divisions, int limit, int offset) {
        return jdbc.sql(VOLUNTEER + " where v.division_code in (:divisions) and v.withdrawn_at is null"
                        + " order by v.registered_at desc, v.person_id desc limit :limit offset :offset")
                .param("divisions", divisions).param("limit", limit).param("offset", offset)
                .query((rs, n) -> volunteer(rs)).list();
    }

    long countVolunteersIn(Collection<String> divisions) {
        return jdbc.sql("select count(*) from timebank.volunteer where division_code in (:divisions)"
                        + " and withdrawn_at is null").param("divisions", divisions).query(Long.class).single();
    }

    void insertVolunteer(long personId, String divisionCode, Long organisationId, String formerProfession,
                         String availability, boolean willingToShare, boolean ownPhone, String username,
                         String consentBy, List<String> skills) {
        jdbc.sql("""
                        insert into timebank.volunteer (person_id, division_code, organisation_id, former_profession,
                            availability, willing_to_share, own_phone, username, consent_at, consent_by,
                            registered_at)
                        values (:person, :division, :organisation, :profession, :availability, :willing, :phone,
                                :username, :at, :consentBy, :at)
                        """).param("person", personId).param("division", divisionCode).param("username", username)
                .param("organisation", organisationId).param("profession", formerProfession)
                .param("availability", availability).param("willing", willingToShare).param("phone", ownPhone)
                .param("at", now()).param("consentBy", consentBy).update();
        for (String skill : skills) {
            jdbc.sql("insert into timebank.volunteer_skill (person_id, skill) values (:person, :skill)"
                    + " on conflict do nothing").param("person", personId).param("skill", skill).update();
        }
    }

    /** Replaces a volunteer's profile: skills, former profession, availability, willingness, phone. */
    void updateVolunteer(long personId, String formerProfession, String availability, boolean willingToShare,
                         boolean ownPhone, List<String> skills) {
        jdbc.sql("""
                        update timebank.volunteer set former_profession = :profession, availability = :availability,
                            willing_to_share = :willing, own_phone = :phone
                        where person_id = :person and withdrawn_at is null
                        """).param("person", personId).param("profession", formerProfession)
                .param("availability", availability).param("willing", willingToShare).param("phone", ownPhone)
                .update();
        jdbc.sql("delete from timebank.volunteer_skill where person_id = :person").param("person", personId).update();
        for (String skill : skills) {
            jdbc.sql("insert into timebank.volunteer_skill (person_id, skill) values (:person, :skill)"
                    + " on conflict do nothing").param("person", personId).param("skill", skill).update();
        }
    }

    /** Marks a volunteer withdrawn (the record and their hours stay); false if not registered or withdrawn already. */
    boolean withdraw(long personId) {
        return jdbc.sql("update timebank.volunteer set withdrawn_at = :at where person_id = :person"
                        + " and withdrawn_at is null").param("at", now()).param("person", personId).update() > 0;
    }

    /**
     * Willing volunteers born on or before {@code bornBy} (elders) in the divisions, whose skills or former profession
     * contain the text (any, when blank). Names and birth dates are joined from the registry's published view.
     */
    List<Object[]> talents(Collection<String> divisions, String skill, LocalDate bornBy, int limit) {
        String like = skill == null || skill.isBlank() ? "%" : "%" + skill.strip().replace("%", "") + "%";
        return jdbc.sql(VOLUNTEER.replace("from timebank.volunteer v",
                                "from timebank.volunteer v join registry.published_person p on p.id = v.person_id")
                        .replace("select v.person_id,", "select p.name, p.birth_date, v.person_id,") + """
                         where v.division_code in (:divisions) and v.withdrawn_at is null and v.willing_to_share
                           and p.status = 'ACTIVE' and p.birth_date <= :bornBy
                           and (v.former_profession ilike :like or exists (select 1 from timebank.volunteer_skill s
                                where s.person_id = v.person_id and s.skill ilike :like))
                         order by p.birth_date desc, v.person_id limit :limit
                        """).param("divisions", divisions).param("like", like).param("bornBy", bornBy)
                .param("limit", limit)
                .query((rs, n) -> new Object[] {rs.getString("name"), rs.getObject("birth_date", LocalDate.class),
                        volunteer(rs)}).list();
    }

    record Activity(long id, String title, String divisionCode, Long organisationId, LocalDate heldOn,
                    String organiser, Instant confirmedAt, String confirmedBy) {
    }

    private static final String ACTIVITY = "select id, title, division_code, organisation_id, held_on, organiser,"
            + " confirmed_at, confirmed_by from timebank.activity ";

    private static Activity activity(ResultSet rs) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Activity(rs.getLong("id"), rs.getString("title"), rs.getString("division_code"),
                (Long) rs.getObject("organisation_id"), rs.getObject("held_on", LocalDate.class),
                rs.getString("organiser"), confirmed == null ? null : confirmed.toInstant(),
                rs.getString("confirmed_by"));
    }

    Optional<Activity> activity(long id) {
        return jdbc.sql(ACTIVITY + "where id = :id").param("id", id).query((rs, n) -> activity(rs)).optional();
    }

    /** Locks the activity row, so that two confirmations of one activity run one after the other. */
    Optional<Activity> lockActivity(long id) {
        return jdbc.sql(ACTIVITY + "where id = :id for update").param("id", id).query((rs, n) -> activity(rs))
                .optional();
    }

    List<Activity> activitiesIn(Collection<String> divisions, int limit) {
        return jdbc.sql(ACTIVITY + "where division_code in (:divisions) order by held_on desc, id desc limit :limit")
                .param("divisions", divisions).param("limit", limit).query((rs, n) -> activity(rs)).list();
    }

    long insertActivity(String title, String divisionCode, Long organisationId, LocalDate heldOn, String organiser) {
        return jdbc.sql("""
                        insert into timebank.activity (title, division_code, organisation_id, held_on, organiser,
                            created_at) values (:title, :division, :organisation, :heldOn, :organiser, :at)
                        returning id
                        """).param("title", title).param("division", divisionCode)
                .param("organisation", organisationId).param("heldOn", heldOn).param("organiser", organiser)
                .param("at", now()).query(Long.class).single();
    }

    void confirmActivity(long id, String actor) {
        jdbc.sql("update timebank.activity set confirmed_at = :at, confirmed_by = :actor where id = :id")
                .param("at", now()).param("actor", actor).param("id", id).update();
    }

    record Participant(long personId, BigDecimal hours) {
    }

    List<Participant> participants(long activityId) {
        return jdbc.sql("select person_id, hours from timebank.activity_participant where activity_id = :id"
                        + " order by person_id").param("id", activityId)
                .query((rs, n) -> new Participant(rs.getLong(1), rs.getBigDecimal(2))).list();
    }

    /** Adds a participant, or changes their hours while the activity is not confirmed. */
    void putParticipant(long activityId, long personId, BigDecimal hours) {
        jdbc.sql("""
                        insert into timebank.activity_participant (activity_id, person_id, hours)
                        values (:activity, :person, :hours)
                        on conflict (activity_id, person_id) do update set hours = excluded.hours
                        """).param("activity", activityId).param("person", personId).param("hours", hours).update();
    }
}
