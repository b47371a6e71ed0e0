package org.yilaoyixiao.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * Display names of the accounts other modules' pages name, read in one query per page. Actors that are no account
 * are the platform: {@code system:<what>} by what it is ({@code actor.system.<what>}), anything else as 系统.
 */
@Component
class AccountNames implements DisplayNames {

    private static final String SYSTEM_PREFIX = "system:";

    private final JdbcClient jdbc;
    private final MessageSource messages;

    AccountNames(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public Map<String, String> accounts(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        jdbc.sql("select username, display_name from identity.user_account where username = any(:names)")
                .param("names", usernames.stream().distinct().toArray(String[]::new))
                .query((rs, i) -> names.put(rs.getString("username"), rs.getString("display_name"))).list();
        return names;
    }

    @Override
    public Map<String, String> names(Collection<String> actors, Locale locale) {
        Set<String> wanted = new LinkedHashSet<>();
        actors.stream().filter(Objects::nonNull).forEach(wanted::add);
        Map<String, String> names = accounts(wanted);
        String system = messages.getMessage("actor.system", null, locale);
        for (String actor : wanted) {
            names.computeIfAbsent(actor, a -> a.startsWith(SYSTEM_PREFIX)
                    ? messages.getMessage("actor.system." + a.substring(SYSTEM_PREFIX.length()), null, system, locale)
                    : system);
        }
        return names;
    }
}
