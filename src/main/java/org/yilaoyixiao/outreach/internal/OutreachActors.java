package org.yilaoyixiao.outreach.internal;

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

/**
 * The display names of the accounts that prepared, approved, decided or sent something, read from identity's published
 * view in one query per page: a page shows "王丽（民政局）", never a username. An actor that is not an account (the
 * rules, a nightly job, a migration) is shown as the system.
 */
@Component
class OutreachActors {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    OutreachActors(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Every given username (nulls skipped) mapped to what a reader sees. */
    Map<String, String> names(Collection<String> usernames, Locale locale) {
        Set<String> wanted = new LinkedHashSet<>();
        usernames.stream().filter(Objects::nonNull).forEach(wanted::add);
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        jdbc.sql("select username, display_name from identity.published_user where username in (:u)")
                .param("u", wanted)
                .query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
        String system = messages.getMessage("outreach.actor.system", null, "系统", locale);
        wanted.forEach(u -> names.putIfAbsent(u, system));
        return names;
    }

    String name(String username, Locale locale) {
        return username == null ? null : names(Set.of(username), locale).get(username);
    }
}
