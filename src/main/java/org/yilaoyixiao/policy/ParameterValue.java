package org.yilaoyixiao.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value of a parameter: it holds from {@code effectiveFrom} until the next value's date. {@code reference} names
 * the document and article; {@code provisional} marks a value the plan does not give, awaiting the bureau.
 */
public record ParameterValue(String key, String unit, LocalDate effectiveFrom, BigDecimal value, String reference,
                             boolean provisional) {

    /** A number without trailing zeros and never in exponent form: 11000, 0.5, 300. */
    public static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
