package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;

/** The parameters a rule reads as of one date, remembered for the explanation. */
final class Rates {

    private final PolicyParameters parameters;
    private final LocalDate date;
    private final List<ParameterValue> used = new ArrayList<>();

    Rates(PolicyParameters parameters, LocalDate date) {
        this.parameters = parameters;
        this.date = date;
    }

    ParameterValue value(String key) {
        ParameterValue value = parameters.valueAsOf(key, date);
        if (used.stream().noneMatch(v -> v.key().equals(key))) {
            used.add(value);
        }
        return value;
    }

    BigDecimal number(String key) {
        return value(key).value();
    }

    List<ParameterValue> used() {
        return used;
    }

    LocalDate date() {
        return date;
    }
}
