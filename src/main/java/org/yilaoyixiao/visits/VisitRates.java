package org.yilaoyixiao.visits;

import java.time.YearMonth;

/**
 * The visit rate by division and month, for indicator I07. Rolled up by counting again over the division's subtree,
 * never by averaging the rates of its parts. Set-based readers use the view {@code visits.published_monthly_target}.
 */
public interface VisitRates {

    VisitRate rate(String divisionCode, YearMonth month);
}
