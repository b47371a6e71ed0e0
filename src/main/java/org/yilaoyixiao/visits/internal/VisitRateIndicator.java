package org.yilaoyixiao.visits.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;

/**
 * Indicator I07 (特殊困难老人月探访率) from the visits: per division the records are attached to, target elders visited at
 * least once in the month over all target elders; the indicators module sums both up the tree. The month observed is
 * the last complete one: December for a past year (observed on 31 December); for the running year the month before
 * {@code asOf}, since a month still under way would show as lagging.
 */
@Component
class VisitRateIndicator implements IndicatorSource {

    private final JdbcClient jdbc;

    VisitRateIndicator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return "I07";
    }

    static YearMonth observedMonth(IndicatorPeriod period) {
        LocalDate asOf = period.asOf();
        return asOf.getMonthValue() == 12 && asOf.getDayOfMonth() == 31 ? YearMonth.from(asOf)
                : YearMonth.from(asOf).minusMonths(1);
    }

    @Override
    public Map<String, IndicatorCount> countByDivision(IndicatorPeriod period) {
        Map<String, IndicatorCount> counts = new HashMap<>();
        jdbc.sql("""
                        select division_code, count(*) filter (where visited), count(*)
                        from visits.published_monthly_target where month = :month group by division_code
                        """).param("month", observedMonth(period).atDay(1))
                .query((rs, i) -> counts.put(rs.getString(1), new IndicatorCount(rs.getLong(2), rs.getLong(3))))
                .list();
        return counts;
    }
}
