package org.yilaoyixiao.indicators.internal;

import org.yilaoyixiao.platform.demo.DemoData;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;

/**
 * Demo only: the plan gives the county's 2022 population, not the townships'. So that township ratios (I06, I12) and
 * their ranking have something to show, the county's figures are shared out over the townships in proportion to the
 * demo population living there (evenly without one), largest remainders first so the shares add up exactly, and
 * marked synthetic. Same rule as the other demo data: off with {@code yly.demo.enabled=false}; with an external
 * database only when {@code yly.demo.scale} asks for demo data. Skipped when any synthetic statistics exist.
 */
@Component
@Order(40)
class DemoStatisticsStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStatisticsStartup.class);
    static final int YEAR = 2022;

    private final boolean enabled;
    private final String countyCode;
    private final DivisionDirectory divisions;
    private final JdbcClient jdbc;

    DemoStatisticsStartup(@Value("${yly.demo.enabled:true}") boolean demoEnabled,
                          @Value("${yly.demo.scale:}") String scale,
                          @Value("${spring.datasource.url:}") String externalDatabaseUrl,
                          @Value("${yly.county-code}") String countyCode, DivisionDirectory divisions,
                          JdbcClient jdbc) {
        this.enabled = DemoData.wanted(demoEnabled, scale, externalDatabaseUrl);
        this.countyCode = countyCode;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select exists (select 1 from indicators.statistics_input where synthetic)")
                .query(Boolean.class).single()) {
            return;
        }
        var county = jdbc.sql("""
                        select resident_population, population_60_plus from indicators.statistics_input
                        where division_code = :c and year = :y""").param("c", countyCode).param("y", YEAR)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        List<String> townships = divisions.children(countyCode).stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP).map(Division::code).toList();
        if (county.isEmpty() || townships.isEmpty()) {
            return;
        }
        Map<String, Long> people = new HashMap<>();
        Map<String, Long> elders = new HashMap<>();
        jdbc.sql("""
                        select township_code, count(*) as people,
                               count(*) filter (where birth_date <= make_date(:y - 60, 12, 31)) as elders
                        from registry.published_person where township_code is not null group by township_code""")
                .param("y", YEAR)
                .query((rs, n) -> {
                    people.put(rs.getString(1), rs.getLong(2));
                    elders.put(rs.getString(1), rs.getLong(3));
                    return null;
                }).list();
        long[] residents = share(county.get()[0], townships, people);
        long[] sixtyPlus = share(county.get()[1], townships, elders);
        for (int i = 0; i < townships.size(); i++) {
            jdbc.sql("""
                            insert into indicators.statistics_input (division_code, year, resident_population,
                                population_60_plus, births, source, entered_by, entered_at, synthetic)
                            values (:d, :y, :r, :s, null, :src, 'demo', :at, true)
                            on conflict (division_code, year) do nothing""")
                    .param("d", townships.get(i)).param("y", YEAR).param("r", residents[i]).param("s", sixtyPlus[i])
                    .param("src", "演示数据（合成）：县2022年统计数按演示人口比例分摊到乡镇（街道）")
                    .param("at", java.sql.Timestamp.from(Instant.parse("2023-03-31T00:00:00Z"))).update();
        }
        log.info("Shared the county's {} statistics out over {} townships (synthetic)", YEAR, townships.size());
    }

    /** {@code total} in proportion to the weights (evenly without any), largest remainders first; sums exactly. */
    static long[] share(long total, List<String> codes, Map<String, Long> weights) {
        long weightSum = codes.stream().mapToLong(c -> weights.getOrDefault(c, 0L)).sum();
        long[] shares = new long[codes.size()];
        double[] remainders = new double[codes.size()];
        long given = 0;
        for (int i = 0; i < codes.size(); i++) {
            double exact = weightSum == 0 ? (double) total / codes.size()
                    : (double) total * weights.getOrDefault(codes.get(i), 0L) / weightSum;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
        return shares;
    }
}
