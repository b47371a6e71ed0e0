package org.yilaoyixiao.facilities.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names of the institutions and providers a page of staff works for, read in one query each. */
@Component
class FacilityNames {

    private final JdbcClient jdbc;

    FacilityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, String> institutions(Collection<Long> ids) {
        return names("facilities.institution", ids);
    }

    Map<Long, String> providers(Collection<Long> ids) {
        return names("facilities.childcare_provider", ids);
    }

    String institution(Long id) {
        return id == null ? null : institutions(List.of(id)).get(id);
    }

    String provider(Long id) {
        return id == null ? null : providers(List.of(id)).get(id);
    }

    private Map<Long, String> names(String table, Collection<Long> ids) {
        Long[] distinct = ids.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
        Map<Long, String> names = new HashMap<>();
        if (distinct.length == 0) {
            return names;
        }
        jdbc.sql("select id, name from " + table + " where id = any(:ids)").param("ids", distinct)
                .query((rs, i) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        return names;
    }
}
