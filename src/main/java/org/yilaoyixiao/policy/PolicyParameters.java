package org.yilaoyixiao.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dated parameters, for any module that computes with them (subsidies, visit cadences, the love card, the time
 * bank, fund supervision). Reads need no permission: parameters are public policy.
 */
public interface PolicyParameters {

    /** The value in force on {@code date}: the one with the latest {@code effectiveFrom} on or before it. */
    Optional<ParameterValue> find(String key, LocalDate date);

    /** As {@link #find}, but a missing value is an error the caller explains. */
    default ParameterValue valueAsOf(String key, LocalDate date) {
        return find(key, date).orElseThrow(() -> new NoParameterValue(key, date));
    }

    /** Every parameter with its whole history, by key. */
    List<PolicyParameter> all();
}
