package org.yilaoyixiao.timebank.internal;

/**
 * The ledger accounts of the time bank (unit HOUR). A person's account holds their hours and never goes negative; the
 * village where a service was given issues the hours it earned (its issue account goes negative by what it issued);
 * the village where hours are spent collects them; expired hours go to one account. Together they sum to zero.
 * One issue account per village keeps the writers of a busy county apart (decision 0026).
 */
final class TimeBankAccounts {

    static final String EXPIRED = "timebank:expired";

    private TimeBankAccounts() {
    }

    static String person(long personId) {
        return "timebank:" + personId;
    }

    static String issued(String divisionCode) {
        return "timebank:issued:" + divisionCode;
    }

    static String services(String divisionCode) {
        return "timebank:services:" + divisionCode;
    }
}
