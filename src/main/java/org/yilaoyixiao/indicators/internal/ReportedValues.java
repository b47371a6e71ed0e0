package org.yilaoyixiao.indicators.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;

/** Values the responsible units report, with evidence; the newest per indicator, division and year counts. */
@Component
class ReportedValues {

    record Reported(long id, String code, String divisionCode, int year, BigDecimal value, String evidence,
                    String reportedBy, Instant reportedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ReportedValues(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Reported report(String code, String divisionCode, int year, BigDecimal value, String evidence, String actor) {
        long id = jdbc.sql("""
                        insert into indicators.reported_value (code, division_code, year, value, evidence, reported_by,
                            reported_at) values (:c, :d, :y, :v, :e, :by, :at) returning id
                        """).param("c", code).param("d", divisionCode).param("y", year).param("v", value)
                .param("e", evidence).param("by", actor).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(AuditRecord.success("INDICATOR_VALUE_REPORTED", "indicator:" + code + ":" + divisionCode + ":" + year,
                "value=%s evidence=%s".formatted(value.toPlainString(), evidence)));
        return jdbc.sql("select * from indicators.reported_value where id = :id").param("id", id)
                .query(ReportedValues::map).single();
    }

    /** The newest value per indicator code for a division and year. */
    Map<String, Reported> latest(String divisionCode, int year) {
        Map<String, Reported> latest = new HashMap<>();
        jdbc.sql("""
                        select distinct on (code) * from indicators.reported_value
                        where division_code = :d and year = :y order by code, reported_at desc, id desc
                        """).param("d", divisionCode).param("y", year).query(ReportedValues::map).list()
                .forEach(r -> latest.put(r.code(), r));
        return latest;
    }

    /** Every reported value's newest version for a year, per code then division. */
    Map<String, Map<String, Reported>> latestForYear(int year) {
        Map<String, Map<String, Reported>> latest = new HashMap<>();
        jdbc.sql("""
                        select distinct on (code, division_code) * from indicators.reported_value
                        where year = :y order by code, division_code, reported_at desc, id desc
                        """).param("y", year).query(ReportedValues::map).list()
                .forEach(r -> latest.computeIfAbsent(r.code(), k -> new HashMap<>()).put(r.divisionCode(), r));
        return latest;
    }

    List<Reported> history(String code, String divisionCode) {
        return jdbc.sql("""
                        select * from indicators.reported_value where code = :c and division_code = :d
                        order by year desc, reported_at desc, id desc
                        """).param("c", code).param("d", divisionCode).query(ReportedValues::map).list();
    }

    private static Reported map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Reported(rs.getLong("id"), rs.getString("code"), rs.getString("division_code"), rs.getInt("year"),
                rs.getBigDecimal("value"), rs.getString("evidence"), rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant());
    }
}
