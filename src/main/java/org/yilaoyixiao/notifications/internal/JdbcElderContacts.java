package org.yilaoyixiao.notifications.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.notifications.ElderContacts;

/**
 * Reads the registry's published contacts (household address, telephone, first family contact) in one statement for a
 * page of task cards; one reader, shared by visits, services and the guardian.
 */
@Component
class JdbcElderContacts implements ElderContacts {

    private final JdbcClient jdbc;

    JdbcElderContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Contact> of(Collection<Long> personIds) {
        Map<Long, Contact> contacts = new HashMap<>();
        if (personIds.isEmpty()) {
            return contacts;
        }
        jdbc.sql("""
                        select person_id, address, phone, family_name, family_relation, family_phone
                        from registry.published_contact where person_id = any(:ids)
                """).param("ids", personIds.stream().distinct().toArray(Long[]::new))
                .query(rs -> {
                    long id = rs.getLong(1);
                    contacts.put(id, new Contact(id, blankToNull(rs.getString(2)), blankToNull(rs.getString(3)),
                            rs.getString(4), rs.getString(5), blankToNull(rs.getString(6))));
                });
        return contacts;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
