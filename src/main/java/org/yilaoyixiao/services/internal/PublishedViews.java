package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the services module reads of other modules in SQL: only their published views (decision 0010). */
@Repository
class PublishedViews {

    private final JdbcClient jdbc;

    PublishedViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record UserAccount(String username, String displayName, String divisionCode, boolean enabled, List<String> roles) {
    }

    Optional<UserAccount> user(String username) {
        return jdbc.sql("select username, display_name, division_code, enabled, roles from identity.published_user"
                        + " where username = :u").param("u", username)
                .query((rs, i) -> new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        MenuRepository.strings(rs.getArray(5)))).optional();
    }

    /** Enabled BUTLER accounts placed in these divisions, by username. */
    List<UserAccount> butlersIn(java.util.Set<String> divisionCodes) {
        return jdbc.sql("select username, display_name, division_code, enabled, roles from identity.published_user"
                        + " where enabled and 'BUTLER' = any(roles) and division_code = any(:codes) order by username")
                .param("codes", divisionCodes.toArray(String[]::new))
                .query((rs, i) -> new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        MenuRepository.strings(rs.getArray(5)))).list();
    }

    record CareCentre(long id, String name, String divisionCode, String kind, List<String> services) {
    }

    List<CareCentre> syntheticCareCentres() {
        return jdbc.sql("select id, name, division_code, kind, services from facilities.published_care_centre"
                        + " where synthetic order by id")
                .query((rs, i) -> new CareCentre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        MenuRepository.strings(rs.getArray(5)))).list();
    }

    record PersonRow(long id, String name, String idNumberMasked, String divisionCode, java.time.LocalDate birthDate) {
    }

    /** The names of many people in one query, for a page of orders. */
    java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from registry.published_person where id = any(:ids)")
                    .param("ids", ids.stream().distinct().toArray(Long[]::new))
                    .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    /** Active people in the divisions whose name starts with the text, for the intake search (at most 20). */
    List<PersonRow> personsNamed(String prefix, java.util.Set<String> divisions) {
        return jdbc.sql("""
                        select id, name, id_number_masked, residence_division_code, birth_date
                        from registry.published_person
                        where status = 'ACTIVE' and name like :prefix and residence_division_code = any(:codes)
                        order by name, id limit 20
                        """)
                .param("prefix", prefix.replace("%", "").replace("_", "") + "%")
                .param("codes", divisions.toArray(String[]::new))
                .query((rs, i) -> new PersonRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class))).list();
    }
}
