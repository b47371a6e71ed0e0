package org.yilaoyixiao.registry.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * Who did something to a record, as a clerk reads it: an account by its display name, the platform's own loaders
 * ("system:demo-population") by what they are, never a username or a code; no actor at all as unknown.
 */
@Component
class ActorNames {

    private final DisplayNames names;
    private final MessageSource messages;

    ActorNames(DisplayNames names, MessageSource messages) {
        this.names = names;
        this.messages = messages;
    }

    String of(String actor, Locale locale) {
        if (actor == null || actor.isBlank()) {
            return messages.getMessage("actor.unknown", null, locale);
        }
        return names.name(actor, locale);
    }
}
