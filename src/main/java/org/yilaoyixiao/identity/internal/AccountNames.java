package org.yilaoyixiao.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditActors;

/** The display names of the accounts the audit trail names, read in one query per page of the trail. */
@Component
class AccountNames implements AuditActors {

    private final JdbcClient jdbc;

    AccountNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        jdbc.sql("select username, display_name from identity.user_account where username = any(:names)")
                .param("names", usernames.toArray(String[]::new))
                .query((rs, i) -> names.put(rs.getString("username"), rs.getString("display_name"))).list();
        return names;
    }
}
