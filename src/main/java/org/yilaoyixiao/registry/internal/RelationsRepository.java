package org.yilaoyixiao.registry.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Households, guardians and family contacts around a person. */
@Repository
class RelationsRepository {

    private final JdbcClient jdbc;

    RelationsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Contact(long id, long personId, String name, String relation, String phone, String email,
                   String countryCode, String timeZone, boolean emergency) {
    }

    record Guardian(long id, long infantId, Long guardianPersonId, String name, String relation, String phone,
                    Instant consentGivenAt, String consentMethod) {
    }

    record Member(long personId, String name, String idNumberMasked, String relation) {
    }

    record Household(long id, String divisionCode, String address, List<Member> members) {
    }

    List<Contact> contacts(long personId) {
        return jdbc.sql("""
                        select id, person_id, name, relation, phone, email, country_code, time_zone, emergency
                        from registry.family_contact where person_id = :p order by emergency desc, id
                        """)
                .param("p", personId)
                .query((rs, i) -> new Contact(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
                        rs.getString("relation"), rs.getString("phone"), rs.getString("email"),
                        rs.getString("country_code"), rs.getString("time_zone"), rs.getBoolean("emergency")))
                .list();
    }

    long addContact(long personId, String name, String relation, String phone, String email, String countryCode,
                    String timeZone, boolean emergency, Instant now, String actor) {
        return jdbc.sql("""
                        insert into registry.family_contact (person_id, name, relation, phone, email, country_code,
                            time_zone, emergency, created_at, created_by)
                        values (:p, :name, :relation, :phone, :email, :country, :zone, :emergency, :now, :actor)
                        returning id
                        """)
                .param("p", personId).param("name", name).param("relation", relation).param("phone", phone)
                .param("email", email).param("country", countryCode).param("zone", timeZone)
                .param("emergency", emergency).param("now", PersonRepository.utc(now)).param("actor", actor)
                .query(Long.class).single();
    }

    List<Guardian> guardians(long infantId) {
        return jdbc.sql("""
                        select id, infant_id, guardian_person_id, name, relation, phone, consent_given_at, consent_method
                        from registry.guardian where infant_id = :p order by id
                        """)
                .param("p", infantId)
                .query((rs, i) -> new Guardian(rs.getLong("id"), rs.getLong("infant_id"),
                        (Long) rs.getObject("guardian_person_id"), rs.getString("name"), rs.getString("relation"),
                        rs.getString("phone"), rs.getObject("consent_given_at", OffsetDateTime.class).toInstant(),
                        rs.getString("consent_method")))
                .list();
    }

    long addGuardian(long infantId, Long guardianPersonId, String name, String relation, String phone,
                     Instant consentGivenAt, String consentMethod, Instant now, String actor) {
        return jdbc.sql("""
                        insert into registry.guardian (infant_id, guardian_person_id, name, relation, phone,
                            consent_given_at, consent_method, created_at, created_by)
                        values (:p, :gp, :name, :relation, :phone, :consent, :method, :now, :actor)
                        returning id
                        """)
                .param("p", infantId).param("gp", guardianPersonId).param("name", name).param("relation", relation)
                .param("phone", phone).param("consent", PersonRepository.utc(consentGivenAt))
                .param("method", consentMethod).param("now", PersonRepository.utc(now)).param("actor", actor)
                .query(Long.class).single();
    }

    Optional<Household> householdOf(long personId) {
        return jdbc.sql("select household_id from registry.household_member where person_id = :p")
                .param("p", personId).query(Long.class).optional().flatMap(this::household);
    }

    Optional<Household> household(long id) {
        return jdbc.sql("select id, division_code, address from registry.household where id = :id").param("id", id)
                .query((rs, i) -> new Household(rs.getLong("id"), rs.getString("division_code"),
                        rs.getString("address"), members(rs.getLong("id"))))
                .optional();
    }

    private List<Member> members(long householdId) {
        return jdbc.sql("""
                        select m.person_id, p.name, p.id_number_masked, m.relation
                        from registry.household_member m join registry.person p on p.id = m.person_id
                        where m.household_id = :h order by case m.relation when 'HEAD' then 0 else 1 end, p.birth_date
                        """)
                .param("h", householdId)
                .query((rs, i) -> new Member(rs.getLong("person_id"), rs.getString("name"),
                        rs.getString("id_number_masked"), rs.getString("relation")))
                .list();
    }

    long createHousehold(String divisionCode, String address, Instant now, String actor) {
        return jdbc.sql("""
                        insert into registry.household (division_code, address, created_at, created_by)
                        values (:d, :a, :now, :actor) returning id
                        """)
                .param("d", divisionCode).param("a", address).param("now", PersonRepository.utc(now))
                .param("actor", actor).query(Long.class).single();
    }

    void addMember(long householdId, long personId, String relation) {
        jdbc.sql("insert into registry.household_member (household_id, person_id, relation) values (:h, :p, :r)")
                .param("h", householdId).param("p", personId).param("r", relation).update();
    }
}
