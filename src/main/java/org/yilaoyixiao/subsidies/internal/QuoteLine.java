package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;

/** One line of an amount: quantity × rate, with the parameter and the reference the rate comes from. */
record QuoteLine(Message label, BigDecimal quantity, BigDecimal rate, BigDecimal amount, String parameter,
                 String reference) {
}
