package org.yilaoyixiao.platform.api;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns codes and message keys into problem documents in the caller's language. */
@Component
public class ProblemFactory {

    private final MessageSource messages;

    public ProblemFactory(MessageSource messages) {
        this.messages = messages;
    }

    public ApiProblem create(ProblemCode code, String detailKey, Object[] args, List<ApiException.FieldProblem> fields,
                             String instance, Locale locale) {
        String title = messages.getMessage(code.titleKey(), null, code.name(), locale);
        String detail = detailKey == null ? null : messages.getMessage(detailKey, args, detailKey, locale);
        List<ApiProblem.FieldError> errors = fields == null || fields.isEmpty() ? null : fields.stream()
                .map(f -> new ApiProblem.FieldError(f.field(), f.code(),
                        messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale)))
                .toList();
        return new ApiProblem(code.type(), title, code.status().value(), detail, instance, code.name(), errors);
    }

    public ApiProblem create(ApiException e, String instance, Locale locale) {
        return create(e.code(), e.detailKey(), e.detailArgs(), e.fieldProblems(), instance, locale);
    }

    public ApiProblem create(ProblemCode code, String instance, Locale locale) {
        return create(code, "problem." + code.name() + ".detail", new Object[0], List.of(), instance, locale);
    }
}
