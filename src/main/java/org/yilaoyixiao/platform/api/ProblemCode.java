package org.yilaoyixiao.platform.api;

import org.springframework.http.HttpStatus;

/** Stable machine-readable error codes; clients switch on these, never on the text. */
public enum ProblemCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    ACCOUNT_LOCKED(HttpStatus.LOCKED),
    /** Too many failed logins from one client address: wait before trying again. */
    TOO_MANY_LOGINS(HttpStatus.TOO_MANY_REQUESTS),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** The password was set by someone else (generated, initial, reset) and must be changed first. */
    PASSWORD_CHANGE_REQUIRED(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    CONFLICT(HttpStatus.CONFLICT),
    /** A rule of capacity refused: no free bed, class full, provider's approved slots taken. */
    CAPACITY_EXCEEDED(HttpStatus.CONFLICT),
    /** A childcare class would have more children per carer than the national ratio allows. */
    RATIO_BREACHED(HttpStatus.CONFLICT),
    /** The person's age does not fit (an elder under 60, a child outside the class type's ages). */
    AGE_NOT_ELIGIBLE(HttpStatus.CONFLICT),
    /** The person does not qualify for what was asked (a love-card top-up for someone outside its rules). */
    NOT_ELIGIBLE(HttpStatus.CONFLICT),
    /** The action is not allowed in the object's current state (a state machine refused it). */
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The message key of the short title shown to clients. */
    public String titleKey() {
        return "problem." + name() + ".title";
    }

    /** The code for a plain HTTP status, for errors that come without one of ours. */
    public static ProblemCode forStatus(int status) {
        for (ProblemCode code : values()) {
            if (code.status.value() == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
    }

    public String type() {
        return "urn:yilaoyixiao:problem:" + name().toLowerCase().replace('_', '-');
    }
}
