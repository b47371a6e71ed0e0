package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.subsidies.Programme;

/**
 * What a rule answers: eligible or not, the amount and the lines that make it up, the reasons (why not, or on which
 * ground), the facts it read and the parameter values it used.
 */
record Quote(Programme programme, LocalDate asOf, boolean eligible, BigDecimal amount, List<QuoteLine> lines,
             List<Message> reasons, Map<String, Object> facts, List<ParameterValue> parameters) {

    Quote {
        lines = List.copyOf(lines);
        reasons = List.copyOf(reasons);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        parameters = List.copyOf(parameters);
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }
}
