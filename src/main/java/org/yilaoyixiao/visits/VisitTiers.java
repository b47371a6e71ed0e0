package org.yilaoyixiao.visits;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An elder's visit tier on a day (decision 0019): HIGH (weekly visits) when the month's target population says so or a
 * temporary raise covers the day — e.g. the 30 days after a hospital discharge — else STANDARD; empty when the person
 * is not in the target population and has no raise.
 */
public interface VisitTiers {

    /** Days a hospital discharge raises the tier for, counting the day of discharge. */
    int DISCHARGE_RAISE_DAYS = 30;

    Optional<String> tierOn(long personId, LocalDate day);
}
