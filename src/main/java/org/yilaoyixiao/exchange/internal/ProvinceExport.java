package org.yilaoyixiao.exchange.internal;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;
import org.yilaoyixiao.platform.time.BusinessTime;
import tools.jackson.databind.ObjectMapper;

/**
 * The nightly snapshot for the province platform in the documented schema (docs/exchange/province-payload.schema.json):
 * elders per township, institutions with their beds, last month's visits and services delivered per division, and
 * this year's computed indicators. Each payload's idempotency key names its kind, period and part, so a second
 * export on the same day queues nothing. Read from the modules' published views (decision 0010) and the indicator sources.
 */
@Service
class ProvinceExport {

    static final String SCHEMA = "yly-province/1";

    private final JdbcClient jdbc;
    private final ProvinceOutbox outbox;
    private final ProvinceSettings settings;
    private final List<IndicatorSource> indicators;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String county;

    ProvinceExport(JdbcClient jdbc, ProvinceOutbox outbox, ProvinceSettings settings, List<IndicatorSource> indicators,
                   ObjectMapper json, AuditTrail audit, TransactionTemplate transactions, Clock clock,
                   @Value("${yly.county-code:331121}") String county) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.settings = settings;
        this.indicators = indicators;
        this.json = json;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.county = county;
    }

    @Scheduled(cron = "${yly.exchange.province.export-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        if (settings.exportEnabled()) {
            export();
        }
    }

    /** Queues today's snapshot; the number of payloads newly queued. */
    int export() {
        LocalDate today = BusinessTime.today(clock);
        String day = today.toString();
        int queued = 0;
        for (String township : jdbc.sql("select distinct township_code from registry.published_person "
                + "where status = 'ACTIVE' order by 1").query(String.class).list()) {
            List<Map<String, Object>> elders = elders(township, today);
            queued += queue("ELDERS", day, township, elders);
        }
        queued += queue("INSTITUTIONS", day, county, institutions());
        YearMonth month = YearMonth.from(today).minusMonths(1);
        queued += queue("VISITS", month.toString(), county, visits(month));
        queued += queue("SERVICES", month.toString(), county, services(month));
        queued += queue("INDICATORS", day, county, indicators(today));
        int total = queued;
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.success("PROVINCE_EXPORT_QUEUED",
                "province:" + day, "生成待推送数据 " + total + " 份")));
        return queued;
    }

    private int queue(String kind, String period, String part, List<Map<String, Object>> items) {
        String key = kind + "-" + period + "-" + part;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("schema", SCHEMA);
        payload.put("kind", kind);
        payload.put("county", county);
        payload.put("period", period);
        payload.put("part", part);
        payload.put("idempotencyKey", key);
        payload.put("generatedAt", clock.instant().toString());
        payload.put("items", items);
        return transactions.execute(s -> outbox.enqueue(kind, key, period, items.size(),
                json.writeValueAsString(payload))) ? 1 : 0;
    }

    private List<Map<String, Object>> elders(String township, LocalDate today) {
        return jdbc.sql("""
                        select p.id, p.id_number_masked, p.sex, extract(year from p.birth_date)::int as birth_year,
                               p.residence_division_code, p.economic_status, p.living_situation, l.level
                        from registry.published_person p
                        left join assessment.published_current_level l on l.person_id = p.id
                        where p.township_code = :t and p.status = 'ACTIVE' and p.birth_date <= :elder
                        order by p.id
                        """).param("t", township).param("elder", today.minusYears(60))
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("personId", rs.getLong(1));
                    m.put("idNumberMasked", rs.getString(2));
                    m.put("sex", rs.getString(3));
                    m.put("birthYear", rs.getInt(4));
                    m.put("divisionCode", rs.getString(5));
                    m.put("economicStatus", rs.getString(6));
                    Array flags = rs.getArray(7);
                    m.put("livingSituation", flags == null ? List.of() : Arrays.asList((Object[]) flags.getArray()));
                    m.put("capabilityLevel", rs.getObject(8));
                    return m;
                }).list();
    }

    private List<Map<String, Object>> institutions() {
        return jdbc.sql("""
                        select i.id, i.name, i.division_code, i.kind, i.nursing_beds, i.assisted_beds,
                               i.cognitive_beds,
                               (select count(*) from placement.published_placement pl
                                where pl.institution_id = i.id and pl.kind = 'INSTITUTION'
                                  and (pl.to_date is null or pl.to_date >= :today)) as occupied
                        from facilities.published_institution i order by i.id
                        """).param("today", BusinessTime.today(clock))
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("institutionId", rs.getLong(1));
                    m.put("name", rs.getString(2));
                    m.put("divisionCode", rs.getString(3));
                    m.put("kind", rs.getString(4));
                    m.put("nursingBeds", rs.getInt(5));
                    m.put("assistedBeds", rs.getInt(6));
                    m.put("cognitiveBeds", rs.getInt(7));
                    m.put("occupiedBeds", rs.getInt(8));
                    return m;
                }).list();
    }

    private List<Map<String, Object>> visits(YearMonth month) {
        return jdbc.sql("""
                        select division_code, count(*), count(*) filter (where visited),
                               count(*) filter (where tier = 'HIGH')
                        from visits.published_monthly_target where month = :m group by division_code order by 1
                        """).param("m", month.atDay(1))
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("divisionCode", rs.getString(1));
                    m.put("targets", rs.getLong(2));
                    m.put("visited", rs.getLong(3));
                    m.put("highRisk", rs.getLong(4));
                    return m;
                }).list();
    }

    /** 养老管家 services delivered (checked out, not cancelled) in the month, per division and category. */
    private List<Map<String, Object>> services(YearMonth month) {
        return jdbc.sql("""
                        select division_code, category, count(*), coalesce(sum(price), 0),
                               count(distinct person_id), avg(stars)
                        from services.published_service_order
                        where status in ('COMPLETED', 'EVALUATED') and checked_out_at >= :from and checked_out_at < :to
                        group by division_code, category order by 1, 2
                        """)
                .param("from", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant()))
                .param("to", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(BusinessTime.ZONE)
                        .toInstant()))
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("divisionCode", rs.getString(1));
                    m.put("category", rs.getString(2));
                    m.put("orders", rs.getLong(3));
                    m.put("amount", rs.getBigDecimal(4));
                    m.put("elders", rs.getLong(5));
                    java.math.BigDecimal stars = rs.getBigDecimal(6);
                    m.put("averageStars", stars == null ? null : stars.setScale(2, java.math.RoundingMode.HALF_UP));
                    return m;
                }).list();
    }

    private List<Map<String, Object>> indicators(LocalDate today) {
        IndicatorPeriod period = new IndicatorPeriod(today.getYear(), today);
        List<Map<String, Object>> items = new ArrayList<>();
        for (IndicatorSource source : indicators) {
            IndicatorCount total = source.countByDivision(period).values().stream()
                    .reduce(IndicatorCount.ZERO, IndicatorCount::plus);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", source.code());
            m.put("year", period.year());
            m.put("numerator", total.numerator());
            m.put("denominator", total.denominator());
            items.add(m);
        }
        items.sort((a, b) -> a.get("code").toString().compareTo(b.get("code").toString()));
        return items;
    }
}
