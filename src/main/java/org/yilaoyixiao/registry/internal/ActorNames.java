package org.yilaoyixiao.registry.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did something, as a clerk reads it: an account by its display name (read from identity's published view), the
 * platform's own loaders ("system:demo-population") by what they are, never a username or a code.
 */
@Component
class ActorNames {

    private static final String SYSTEM_PREFIX = "system:";

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ActorNames(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    String of(String actor, Locale locale) {
        if (actor == null || actor.isBlank()) {
            return messages.getMessage("actor.unknown", null, locale);
        }
        if (actor.startsWith(SYSTEM_PREFIX)) {
            String what = actor.substring(SYSTEM_PREFIX.length());
            return messages.getMessage("actor.system." + what, null,
                    messages.getMessage("actor.system", null, locale), locale);
        }
        return jdbc.sql("select display_name from identity.published_user where username = :username")
                .param("username", actor).query(String.class).optional()
                .filter(name -> !name.isBlank())
                .orElseGet(() -> messages.getMessage("actor.unknown", null, locale));
    }
}
