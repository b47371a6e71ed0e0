package org.yilaoyixiao.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.registry.internal.demo.DemoPopulationProbe;

/**
 * Issue 3 target: the demo generator at N=10 (about 1,000,000 people) loads in at most 3 minutes with COPY. Starts
 * the platform on a FRESH data directory with {@code yly.demo.scale=N}, waits for the background load and reports
 * its time (generation, encryption, COPY of all five tables in one transaction, then VACUUM ANALYZE).
 * <p>
 * Arguments: {@code [dataDir] [scale]}, default {@code target/benchmark-data/demo-n10 10}. The directory is wiped
 * first; it is left loaded, for {@link PersonSearchBenchmark}.
 */
public final class DemoPopulationBenchmark {

    private static final Duration TARGET = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/benchmark-data/demo-n10");
        String scale = args.length > 1 ? args[1] : "10";
        wipe(dataDir);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = BenchmarkApplication.start(dataDir,
                Map.of("yly.demo.scale", scale))) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            DemoPopulationProbe.Summary load = DemoPopulationProbe.awaitStartupLoad(app, Duration.ofMinutes(30));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String sizes = jdbc.sql("""
                            select string_agg(relname || '=' || pg_size_pretty(pg_total_relation_size(c.oid)), ', '
                                order by relname)
                            from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = 'registry' and c.relkind = 'r'""").query(String.class).single();
            System.out.println();
            System.out.println("=== Demo population benchmark (issue 3) ===");
            System.out.println("machine:   " + BenchmarkApplication.machine());
            System.out.println("data dir:  " + dataDir.toAbsolutePath() + " (fresh)");
            System.out.printf(Locale.ROOT, "start:     application ready in %.1f s (load runs after that, in the "
                    + "background)%n", startup.toMillis() / 1000.0);
            System.out.println("result:    " + load.result() + " at scale " + load.scale());
            System.out.printf(Locale.ROOT, "rows:      %,d people (%,d aged 60+, %,d under 3), %,d households, "
                            + "%,d guardians, %,d family contacts%n", load.people(), load.elders(), load.infants(),
                    load.households(), load.guardians(), load.contacts());
            System.out.println("sizes:     " + sizes);
            System.out.printf(Locale.ROOT, "load time: %.1f s (target <= %d s): %s%n", load.took().toMillis() / 1000.0,
                    TARGET.toSeconds(), load.took().compareTo(TARGET) <= 0 ? "MET" : "MISSED");
            System.out.printf(Locale.ROOT, "rate:      %,.0f people/s%n",
                    load.people() / Math.max(0.001, load.took().toMillis() / 1000.0));
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
