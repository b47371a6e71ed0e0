package org.yilaoyixiao.exchange.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * Words for the audit trail's details, in the county's working language (the trail is read as written): feeds,
 * record types and outcomes by name, clerks by display name — never a code or a username.
 */
@Component
class ExchangeAuditText {

    private final MessageSource messages;
    private final DisplayNames actors;

    ExchangeAuditText(MessageSource messages, DisplayNames actors) {
        this.messages = messages;
        this.actors = actors;
    }

    String word(String prefix, String code) {
        return messages.getMessage(prefix + code, null, code, Locale.SIMPLIFIED_CHINESE);
    }

    String person(String username) {
        return actors.name(username, Locale.SIMPLIFIED_CHINESE);
    }
}
