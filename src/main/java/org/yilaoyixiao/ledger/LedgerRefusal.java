package org.yilaoyixiao.ledger;

/** Why the ledger refused a command; nothing was posted. */
public class LedgerRefusal extends RuntimeException {

    /** What went wrong, for the caller to explain. */
    public enum Reason {
        /** An account would go below zero and is not allowed to. */
        INSUFFICIENT_BALANCE,
        /** The idempotency key was used before for a different transaction. */
        KEY_REUSED,
        /** The postings do not sum to zero, mix units, have a zero amount or more than two decimals. */
        UNBALANCED,
        /** An account code is not open. */
        UNKNOWN_ACCOUNT,
        /** The transaction to reverse does not exist or was reversed already. */
        NOT_REVERSIBLE
    }

    private final Reason reason;
    private final String subject;

    public LedgerRefusal(Reason reason, String subject) {
        super(reason + ": " + subject);
        this.reason = reason;
        this.subject = subject;
    }

    public Reason reason() {
        return reason;
    }

    /** The account code, key or transaction concerned. */
    public String subject() {
        return subject;
    }
}
