package org.yilaoyixiao.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.registry.PayeeAccounts.Kind;

/**
 * Checks a payee account as a clerk typed it: spaces and hyphens between groups of digits are dropped; a 社保卡 number
 * is its 9 to 20 letters and digits, a 一卡通 a bank card of 16 to 19 digits, another bank account 8 to 30 digits with
 * the bank's name. All problems at once, on the form's fields.
 */
final class PayeeAccountValidation {

    record Valid(Kind kind, String bankName, String number, String masked) {
    }

    private PayeeAccountValidation() {
    }

    /** Null kind: no account. A blank number with the stored kind keeps the stored number ({@code keep}). */
    static Valid check(String kindText, String bankText, String numberText, List<ApiException.FieldProblem> problems) {
        Kind kind;
        try {
            kind = Kind.valueOf(kindText.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new ApiException.FieldProblem("payeeKind", "UNKNOWN", "payee.kind.unknown", new Object[0]));
            return null;
        }
        String number = numberText == null ? "" : numberText.replaceAll("[\\s-]", "").toUpperCase();
        String bank = bankText == null || bankText.isBlank() ? null : bankText.strip();
        List<ApiException.FieldProblem> found = new ArrayList<>();
        if (number.isEmpty()) {
            found.add(problem("payeeNumber", "REQUIRED", "payee.number.required"));
        } else if (!number.matches(switch (kind) {
            case SOCIAL_SECURITY_CARD -> "[0-9A-Z]{9,20}";
            case ONE_CARD -> "[0-9]{16,19}";
            case BANK_ACCOUNT -> "[0-9]{8,30}";
        })) {
            found.add(problem("payeeNumber", "INVALID", "payee.number.invalid." + kind.name()));
        }
        if (kind == Kind.BANK_ACCOUNT && bank == null) {
            found.add(problem("payeeBank", "REQUIRED", "payee.bank.required"));
        }
        if (bank != null && bank.length() > 60) {
            found.add(problem("payeeBank", "TOO_LONG", "payee.bank.too-long"));
        }
        problems.addAll(found);
        return found.isEmpty() ? new Valid(kind, kind == Kind.BANK_ACCOUNT ? bank : null, number, mask(number)) : null;
    }

    /** The first four and the last four characters, as many stars between as hidden characters (at most 10). */
    static String mask(String number) {
        if (number.length() <= 8) {
            return number.substring(0, Math.min(2, number.length())) + "****";
        }
        return number.substring(0, 4) + "*".repeat(Math.min(10, number.length() - 8))
                + number.substring(number.length() - 4);
    }

    private static ApiException.FieldProblem problem(String field, String code, String key) {
        return new ApiException.FieldProblem(field, code, key, new Object[0]);
    }
}
