package org.yilaoyixiao.platform.api;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A failure the client can act on. Carries message keys, not text, so the response speaks the caller's language.
 */
public class ApiException extends RuntimeException {

    private final ProblemCode code;
    private final String detailKey;
    private final Object[] detailArgs;
    private final List<FieldProblem> fieldProblems;

    public ApiException(ProblemCode code, String detailKey, Object[] detailArgs, List<FieldProblem> fieldProblems) {
        super(code + ": " + detailKey);
        this.code = code;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs == null ? new Object[0] : detailArgs;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ApiException notFound(String detailKey, Object... args) {
        return new ApiException(ProblemCode.NOT_FOUND, detailKey, args, List.of());
    }

    public static ApiException conflict(String detailKey, Object... args) {
        return new ApiException(ProblemCode.CONFLICT, detailKey, args, List.of());
    }

    public static ApiException forbidden(String detailKey, Object... args) {
        return new ApiException(ProblemCode.FORBIDDEN, detailKey, args, List.of());
    }

    public static ApiException validation(String field, String fieldCode, String messageKey, Object... args) {
        return validation(List.of(new FieldProblem(field, fieldCode, messageKey, args)));
    }

    public static ApiException validation(List<FieldProblem> problems) {
        return new ApiException(ProblemCode.VALIDATION_FAILED, "problem.VALIDATION_FAILED.detail", new Object[0], problems);
    }

    public ProblemCode code() {
        return code;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs.clone();
    }

    /**
     * What went wrong in the reader's language, for a page: each field problem, or else the detail (a key without a
     * text shows as itself rather than failing the page).
     */
    public List<String> messagesIn(MessageSource messages, Locale locale) {
        if (fieldProblems.isEmpty()) {
            return List.of(messages.getMessage(detailKey, detailArgs, detailKey, locale));
        }
        return fieldProblems.stream()
                .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).toList();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** A problem with one input field; {@code messageKey} is resolved in the caller's language. */
    public record FieldProblem(String field, String code, String messageKey, Object[] args) {
        public FieldProblem {
            args = args == null ? new Object[0] : args.clone();
        }
    }
}
