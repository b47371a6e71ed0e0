package org.yilaoyixiao.visits.internal;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The visit parameters from {@code visits.cadence_parameters}: the latest row effective on or before the date. */
@Component
class JdbcCadencePolicy implements CadencePolicy {

    private final JdbcClient jdbc;

    JdbcCadencePolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CadenceParameters on(LocalDate date) {
        return jdbc.sql("""
                        select effective_from, disability_min_level, high_risk_min_level, high_risk_interval_days,
                               event_follow_up_hours, lag_threshold_percent, reference
                        from visits.cadence_parameters where effective_from <= :d
                        order by effective_from desc limit 1
                        """).param("d", date)
                .query((rs, i) -> new CadenceParameters(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6), rs.getString(7)))
                .optional().orElseThrow(() -> new IllegalStateException("No visit parameters in force on " + date));
    }
}
