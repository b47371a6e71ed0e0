package org.yilaoyixiao.indicators.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;

/**
 * An indicator computed by one set-based query over published views (decision 0010). The query takes {@code :asOf}
 * and answers {@code division_code, numerator, denominator} grouped by the division the records are attached to.
 */
final class SqlIndicatorSource implements IndicatorSource {

    private final String code;
    private final String sql;
    private final JdbcClient jdbc;

    SqlIndicatorSource(String code, String sql, JdbcClient jdbc) {
        this.code = code;
        this.sql = sql;
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Map<String, IndicatorCount> countByDivision(IndicatorPeriod period) {
        Map<String, IndicatorCount> counts = new HashMap<>();
        jdbc.sql(sql).param("asOf", period.asOf()).query((rs, n) -> {
            counts.merge(rs.getString("division_code"),
                    new IndicatorCount(rs.getLong("numerator"), rs.getLong("denominator")), IndicatorCount::plus);
            return null;
        }).list();
        return counts;
    }
}
