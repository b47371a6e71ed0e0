package org.yilaoyixiao.notifications.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.notifications.ElderContacts;

/**
 * Reads the registry's household address, telephone and family contacts in one statement for a page of task cards.
 * The registry publishes no telephone in its views (decision 0010); this is the one reader outside the registry, kept
 * here so that visits, services and the guardian share it instead of each reading the registry's tables.
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
                        select p.id, h.address, p.phone, f.name, f.relation, f.phone as family_phone
                        from registry.person p
                        left join registry.household_member m on m.person_id = p.id
                        left join registry.household h on h.id = m.household_id
                        left join lateral (select c.name, c.relation, c.phone from registry.family_contact c
                                           where c.person_id = p.id and c.phone is not null and c.phone <> ''
                                           order by c.emergency desc, c.id limit 1) f on true
                        where p.id = any(:ids)
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
