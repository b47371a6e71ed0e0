package org.yilaoyixiao.registry.internal.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Loads the synthetic demo population into an empty registry, in one transaction: all of it or nothing. Two loaders
 * (two application instances, or test contexts) never load twice: the second waits for the first under an advisory
 * lock and then finds the synthetic people there.
 */
@Component
class DemoPopulationLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulationLoader.class);
    /** Arbitrary but fixed key of the advisory lock that serialises loads ("YLYDEM"). */
    private static final long LOAD_LOCK = 0x59_4C_59_44_45_4DL;
    private static final List<String> TABLES = List.of("registry.person", "registry.household",
            "registry.household_member", "registry.guardian", "registry.family_contact", "registry.person_tally");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final String countyCode;

    DemoPopulationLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, FieldCipher cipher,
                         BlindIndex blindIndex, DivisionDirectory divisions, AuditTrail audit, Clock clock,
                         @Value("${yly.county-code}") String countyCode) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
        this.countyCode = countyCode;
    }

    boolean registryEmpty() {
        return !jdbc.sql("select exists (select 1 from registry.person)").query(Boolean.class).single();
    }

    /** Loads only into a registry without any person. */
    DemoLoadOutcome loadIfEmpty(DemoScale scale) {
        if (scale.none()) {
            return DemoLoadOutcome.notRequested();
        }
        if (!registryEmpty()) {
            return DemoLoadOutcome.registryNotEmpty(scale.factor());
        }
        return load(scale, () -> false);
    }

    /**
     * Loads, unless synthetic people are there already. The caller has found the registry empty; people registered
     * since by hand do not stop the load.
     */
    DemoLoadOutcome load(DemoScale scale, BooleanSupplier cancelled) {
        List<Residence> residences = Residences.of(divisions, countyCode);
        LocalDate today = BusinessTime.today(clock);
        Instant now = clock.instant();
        DemoPopulationGenerator generator = new DemoPopulationGenerator(scale, residences, today, now,
                DemoPopulationGenerator.DEFAULT_SEED);
        long started = System.nanoTime();
        log.info("Demo population: loading {} synthetic people ({} aged 60+, {} under 3) at scale {} into {} residences"
                        + " of {}", generator.people(), generator.elders(), generator.infants(), scale.factor(),
                residences.size(), countyCode);
        DemoPopulationTotals totals = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOAD_LOCK).query(Object.class).single();
            if (jdbc.sql("select exists (select 1 from registry.person where synthetic)").query(Boolean.class)
                    .single()) {
                return null;
            }
            // a million new people: their likely-duplicate keys are found once at the end, not chunk by chunk
            jdbc.sql("select set_config('registry.bulk_load', 'on', true)").query().listOfRows();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                PopulationCopy copy = new PopulationCopy(connection, cipher, blindIndex, now, cancelled,
                        progress(generator.people(), started));
                generator.generate(copy::add);
                DemoPopulationTotals written = copy.finish();
                jdbc.sql("select registry.rebuild_person_duplicate_keys()").query().listOfRows();
                audit.record(AuditRecord.success("DEMO_POPULATION_LOADED", "registry",
                        "synthetic people=" + written.people() + " elders=" + written.elders() + " infants="
                                + written.infants() + " households=" + written.households() + " scale="
                                + scale.factor()).by("system"));
                return written;
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Copying the demo population failed", e);
            }
        });
        if (totals == null) {
            log.info("Demo population: already loaded by another instance; nothing to do");
            return DemoLoadOutcome.registryNotEmpty(scale.factor());
        }
        long copied = System.nanoTime();
        // the load left a few thousand tally deltas (one set per COPY chunk); fold them before the first search
        jdbc.sql("select registry.compact_person_tally()").query().listOfRows();
        TABLES.forEach(table -> jdbc.sql("vacuum (analyze) " + table).update());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Demo population loaded: {} people ({} aged 60+, {} under 3), {} households, {} guardians, {} family"
                        + " contacts in {} s (COPY {} s, vacuum and analyze {} s)", totals.people(), totals.elders(),
                totals.infants(), totals.households(), totals.guardians(), totals.contacts(), seconds(took),
                seconds(Duration.ofNanos(copied - started)), seconds(Duration.ofNanos(System.nanoTime() - copied)));
        return new DemoLoadOutcome(DemoLoadOutcome.Result.LOADED, scale.factor(), totals, took);
    }

    /** Logs every tenth of the way. */
    private static LongConsumer progress(long expected, long started) {
        return new LongConsumer() {
            private long nextReport = expected / 10;

            @Override
            public void accept(long people) {
                if (people >= nextReport && people < expected) {
                    log.info("Demo population: {} of {} people copied ({} %, {} s)", people, expected,
                            people * 100 / expected, seconds(Duration.ofNanos(System.nanoTime() - started)));
                    nextReport = people + Math.max(1, expected / 10);
                }
            }
        };
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
