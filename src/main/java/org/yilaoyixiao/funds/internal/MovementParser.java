package org.yilaoyixiao.funds.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Turns a bank's movement, as text from the push API or a statement file, into a {@link MovementInput}, or names each
 * field that is wrong. The same checks serve both channels, so a file and the API accept exactly the same movements.
 */
final class MovementParser {

    /** The fields in the order of the statement layout; the column number of a field is its index + 1. */
    static final List<String> FIELDS = List.of("bankRef", "at", "amount", "direction", "counterpartyAccount", "purpose");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    record Raw(String bankRef, String at, String amount, String direction, String counterpartyAccount,
               String purpose) {
    }

    record Problem(String field, String code, String messageKey) {
    }

    record Result(MovementInput movement, List<Problem> problems) {
    }

    private MovementParser() {
    }

    static Result parse(Raw raw) {
        List<Problem> problems = new ArrayList<>();
        String bankRef = trim(raw.bankRef());
        if (bankRef == null) {
            problems.add(new Problem("bankRef", "REQUIRED", "funds.movement.bank-ref.required"));
        } else if (bankRef.length() > 100) {
            problems.add(new Problem("bankRef", "TOO_LONG", "funds.movement.bank-ref.too-long"));
        }
        Instant at = null;
        String atText = trim(raw.at());
        if (atText == null) {
            problems.add(new Problem("at", "REQUIRED", "funds.movement.at.required"));
        } else {
            at = time(atText);
            if (at == null) {
                problems.add(new Problem("at", "INVALID", "funds.movement.at.invalid"));
            }
        }
        BigDecimal amount = null;
        String amountText = trim(raw.amount());
        if (amountText == null) {
            problems.add(new Problem("amount", "REQUIRED", "funds.movement.amount.required"));
        } else {
            try {
                amount = new BigDecimal(amountText.replace(",", ""));
                if (amount.signum() <= 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12) {
                    problems.add(new Problem("amount", "INVALID", "funds.movement.amount.invalid"));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("amount", "INVALID", "funds.movement.amount.invalid"));
            }
        }
        String direction = direction(trim(raw.direction()));
        if (direction == null) {
            problems.add(new Problem("direction", "INVALID", "funds.movement.direction.invalid"));
        }
        String counterparty = trim(raw.counterpartyAccount());
        if (counterparty != null) {
            counterparty = counterparty.replace(" ", "").replace("-", "");
            if (!counterparty.matches("[0-9A-Za-z]{4,40}")) {
                problems.add(new Problem("counterpartyAccount", "INVALID", "funds.movement.counterparty.invalid"));
            }
        } else if ("OUT".equals(direction)) {
            problems.add(new Problem("counterpartyAccount", "REQUIRED", "funds.movement.counterparty.required"));
        }
        String purpose = trim(raw.purpose());
        if (purpose != null && purpose.length() > 200) {
            problems.add(new Problem("purpose", "TOO_LONG", "funds.movement.purpose.too-long"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new MovementInput(bankRef, at, amount, direction, counterparty, purpose), List.of());
    }

    /** ISO-8601 with an offset, or a bank's local time {@code yyyy-MM-dd HH:mm[:ss]} in Beijing time. */
    static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace('T', ' '), LOCAL).atZone(BusinessTime.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static String direction(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toUpperCase()) {
            case "IN", "收入", "收", "贷" -> "IN";
            case "OUT", "支出", "支", "借" -> "OUT";
            default -> null;
        };
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
