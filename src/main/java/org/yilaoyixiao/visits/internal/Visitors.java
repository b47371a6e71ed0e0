package org.yilaoyixiao.visits.internal;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.Role;

/**
 * Who may be given visits: an enabled account with a role that may record visits, whose data scope contains the
 * division of the visits (otherwise the visitor could not record them). Read through identity's published view.
 */
@Component
class Visitors {

    /** The roles {@link org.yilaoyixiao.visits.VisitPermissions#RECORD} is granted to. */
    static final Set<String> VISITING_ROLES = Set.of(Role.BUTLER.name(), Role.TOWNSHIP_STAFF.name(),
            Role.BUREAU_STAFF.name(), Role.COUNTY_ADMIN.name());

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;

    Visitors(JdbcClient jdbc, DivisionDirectory divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    private record Account(String username, String divisionCode, List<String> roles) {
    }

    /** Display names of these accounts (username → name); unknown usernames are absent. */
    java.util.Map<String, String> names(java.util.Collection<String> usernames) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<String> wanted = usernames.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return names;
        }
        jdbc.sql("select username, display_name from identity.published_account where username in (:u)")
                .param("u", wanted).query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** Checks that {@code username} can visit in {@code divisionCode}; a 400 naming the field {@code visitor}. */
    void check(String username, String divisionCode) {
        if (username == null || username.isBlank()) {
            throw ApiException.validation("visitor", "REQUIRED", "visits.visitor.invalid");
        }
        Account account = jdbc.sql("""
                        select username, division_code, roles from identity.published_account
                        where username = :u and enabled
                        """).param("u", username.strip())
                .query((rs, i) -> new Account(rs.getString(1), rs.getString(2),
                        TargetPopulation.strings(rs.getArray(3)))).optional()
                .filter(a -> a.roles().stream().anyMatch(VISITING_ROLES::contains))
                .orElseThrow(() -> ApiException.validation("visitor", "UNKNOWN", "visits.visitor.unknown",
                        username.strip()));
        if (!divisions.isWithin(account.divisionCode(), divisionCode)) {
            throw ApiException.validation("visitor", "OUT_OF_SCOPE", "visits.visitor.out-of-scope",
                    account.username(), divisionCode);
        }
    }
}
