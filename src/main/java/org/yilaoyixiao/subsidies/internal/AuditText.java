package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.policy.ParameterTexts;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * Words for the audit trail's details, in the county's working language (the trail is read on the audit page as
 * written): a programme by its name, money in 元, an account by its display name — never a code, "CNY" or a
 * username.
 */
@Component
class AuditText {

    private final MessageSource messages;
    private final DisplayNames actors;

    AuditText(MessageSource messages, DisplayNames actors) {
        this.messages = messages;
        this.actors = actors;
    }

    String programme(String programme) {
        return messages.getMessage("subsidies.programme." + programme, null, programme, Locale.SIMPLIFIED_CHINESE);
    }

    String programme(Programme programme) {
        return programme(programme.name());
    }

    static String money(BigDecimal amount) {
        return ParameterTexts.money(amount) + " 元";
    }

    String person(String username) {
        return actors.name(username, Locale.SIMPLIFIED_CHINESE);
    }
}
