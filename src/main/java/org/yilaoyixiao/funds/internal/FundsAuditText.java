package org.yilaoyixiao.funds.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * Words for the audit trail's details, in the county's working language (the trail is read as written): alert kinds
 * by name, money in 元, officials by display name — never a code or a username.
 */
@Component
class FundsAuditText {

    private final MessageSource messages;
    private final DisplayNames actors;

    FundsAuditText(MessageSource messages, DisplayNames actors) {
        this.messages = messages;
        this.actors = actors;
    }

    String kinds(Collection<String> kinds) {
        return kinds.stream().map(this::kind).collect(Collectors.joining("、"));
    }

    String kind(String kind) {
        return messages.getMessage("funds.alert.kind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE);
    }

    String obligation(String kind) {
        return messages.getMessage("funds.obligation.kind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE);
    }

    String person(String username) {
        return actors.name(username, Locale.SIMPLIFIED_CHINESE);
    }

    static String money(BigDecimal amount) {
        return FundsPageController.money(amount) + " 元";
    }
}
