package org.yilaoyixiao.registry.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.EmergencyContacts;

@Component
class JdbcEmergencyContacts implements EmergencyContacts {

    private final JdbcClient jdbc;

    JdbcEmergencyContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Contact> of(long personId) {
        return jdbc.sql("""
                        select name, relation, phone, email, country_code, time_zone from registry.family_contact
                        where person_id = :p and emergency order by id
                        """).param("p", personId)
                .query((rs, i) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }
}
