package org.yilaoyixiao.exchange.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A rejection's reason (a message key with its stored arguments) in the reader's language. */
@Component
class RejectionReasons {

    static final String SEPARATOR = "\u001f";

    private final MessageSource messages;

    RejectionReasons(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, String args, Locale locale) {
        Object[] values = args == null || args.isEmpty() ? new Object[0] : args.split(SEPARATOR);
        return messages.getMessage(key, values, key, locale);
    }
}
