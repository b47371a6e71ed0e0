package org.yilaoyixiao.registry;

import java.util.Collection;
import java.util.Map;

/**
 * What a payment list needs to pay people: their full ID number and the account their money goes to, decrypted. Only
 * for a caller that has already checked that its user may pay (permission, bureau, county) and that audits the read;
 * no scope check here. People without a recorded account come back with a null account.
 */
public interface PayeeAccounts {

    /** The kinds of account a subsidy can be paid into. */
    enum Kind {
        /** 社会保障卡 (its financial account). */
        SOCIAL_SECURITY_CARD,
        /** 惠民惠农财政补贴“一卡通”. */
        ONE_CARD,
        /** Another bank account, with the bank's name. */
        BANK_ACCOUNT;

        public String labelKey() {
            return "payee.kind." + name();
        }
    }

    /** A payee; {@code kind}, {@code bankName} and {@code accountNumber} are null when no account is recorded. */
    record Payee(long personId, String idNumber, Kind kind, String bankName, String accountNumber) {

        public boolean hasAccount() {
            return accountNumber != null;
        }
    }

    /** The payees among these people (people who do not exist are left out). */
    Map<Long, Payee> forPayment(Collection<Long> personIds);
}
