package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ProblemCode;

/**
 * A refused form on a management page: bad input and conflicts are shown above the form in the clerk's words, with
 * what they typed kept; a record missing or out of scope, or an action not theirs, stays a 404 / 403 page.
 */
@Component
class PageRefusals {

    private final MessageSource messages;

    PageRefusals(MessageSource messages) {
        this.messages = messages;
    }

    void show(ApiException e, Model model, Locale locale) {
        if (e.code() == ProblemCode.NOT_FOUND || e.code() == ProblemCode.FORBIDDEN) {
            throw e;
        }
        List<String> reasons = e.messagesIn(messages, locale);
        model.addAttribute("refusals", reasons);
    }
}
