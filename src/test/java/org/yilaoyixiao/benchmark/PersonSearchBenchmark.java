package org.yilaoyixiao.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.internal.PersonSearchProbe;

/**
 * Issue 3 target: person search p95 at most 50 ms with 1,000,000 people. Starts the platform on the data directory
 * that {@link DemoPopulationBenchmark} loaded at N=10 and runs a seeded, shuffled mix of the searches clerks make,
 * through the registry's own search (the same call the API makes: count, page of 20, audit record), after a warm-up.
 * Reports p50/p95/p99/max per kind of query and overall.
 * <p>
 * Arguments: {@code [dataDir] [queriesPerKind] [warmUpPerKind]}, default
 * {@code target/benchmark-data/demo-n10 200 50}.
 */
public final class PersonSearchBenchmark {

    private static final long TARGET_P95_MS = 50;
    private static final List<String> SURNAMES = List.of("叶", "陈", "王", "林", "周", "吴", "徐", "季", "刘", "潘");
    private static final List<LivingSituation> FLAGS = List.of(LivingSituation.LIVING_ALONE,
            LivingSituation.EMPTY_NEST, LivingSituation.LEFT_BEHIND, LivingSituation.SEVERE_DISABILITY,
            LivingSituation.FAMILY_PLANNING_SPECIAL);

    enum Kind {
        TOWNSHIP_SUBTREE("division = a township (its villages), pages 0-4"),
        TOWNSHIP_ELDERS("division = a township, category = ELDER"),
        SURNAME_COUNTY("q = a common surname, county-wide"),
        FULL_NAME_COUNTY("q = a full name, county-wide"),
        FLAG_TOWNSHIP_STAFF("township clerk's own scope, ELDER + one living-situation flag"),
        FLAG_COUNTY("livingSituation = one flag, county-wide"),
        COUNTY_ELDERS("category = ELDER, county-wide"),
        COUNTY_FIRST_PAGE("no filter, county-wide, page 0"),
        EXACT_ID_NUMBER("idNumber = an exact ID number (blind index)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final PersonSearchProbe search;
    private final Random random = new Random(331121);
    private final CurrentUser admin = new CurrentUser(1, "admin", "benchmark", Set.of(Role.COUNTY_ADMIN), "331121",
            null);
    private final List<String> townships;
    private final List<String> names;
    private final List<String> idNumbers;

    private PersonSearchBenchmark(ConfigurableApplicationContext app) {
        this.search = new PersonSearchProbe(app);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        FieldCipher cipher = app.getBean(FieldCipher.class);
        this.townships = app.getBean(DivisionDirectory.class).children("331121").stream().map(Division::code).toList();
        this.names = jdbc.sql("select name from registry.person where id % 3331 = 0 order by id limit 300")
                .query(String.class).list();
        this.idNumbers = jdbc.sql("select id_number_cipher from registry.person where id % 4999 = 0 order by id limit 300")
                .query(byte[].class).list().stream().map(cipher::decrypt).toList();
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/benchmark-data/demo-n10");
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        if (!Files.isDirectory(dataDir.resolve("postgres"))) {
            throw new IllegalStateException("No loaded database in " + dataDir + ": run benchmarks/demo-population/run"
                    + " first");
        }
        try (ConfigurableApplicationContext app = BenchmarkApplication.start(dataDir, Map.of())) {
            long people = app.getBean(JdbcClient.class).sql("select count(*) from registry.person")
                    .query(Long.class).single();
            PersonSearchBenchmark benchmark = new PersonSearchBenchmark(app);
            benchmark.run(schedule(warmUp, benchmark.random));
            Map<Kind, List<Long>> timings = benchmark.run(schedule(perKind, benchmark.random));
            report(dataDir, people, perKind, warmUp, timings);
        }
    }

    private static List<Kind> schedule(int perKind, Random random) {
        List<Kind> kinds = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            kinds.addAll(Collections.nCopies(perKind, kind));
        }
        Collections.shuffle(kinds, random);
        return kinds;
    }

    /** Runs the queries in order; nanoseconds per query by kind. */
    private Map<Kind, List<Long>> run(List<Kind> queries) {
        Map<Kind, List<Long>> timings = new EnumMap<>(Kind.class);
        for (Kind kind : queries) {
            long started = System.nanoTime();
            long total = query(kind);
            long took = System.nanoTime() - started;
            if (total < 0) {
                throw new IllegalStateException("impossible total");
            }
            timings.computeIfAbsent(kind, k -> new ArrayList<>()).add(took);
        }
        return timings;
    }

    private long query(Kind kind) {
        Set<LivingSituation> none = EnumSet.noneOf(LivingSituation.class);
        String township = pick(townships);
        return switch (kind) {
            case TOWNSHIP_SUBTREE -> search.search(admin, null, township, null, null, none, random.nextInt(5), 20);
            case TOWNSHIP_ELDERS -> search.search(admin, null, township, PersonCategory.ELDER, null, none, 0, 20);
            case SURNAME_COUNTY -> search.search(admin, null, null, null, pick(SURNAMES), none, 0, 20);
            case FULL_NAME_COUNTY -> search.search(admin, null, null, null, pick(names), none, 0, 20);
            case FLAG_TOWNSHIP_STAFF -> search.search(new CurrentUser(2, "township-clerk", "benchmark",
                            Set.of(Role.TOWNSHIP_STAFF), township, null), null, null, PersonCategory.ELDER, null,
                    EnumSet.of(pick(FLAGS)), 0, 20);
            case FLAG_COUNTY -> search.search(admin, null, null, null, null, EnumSet.of(pick(FLAGS)), 0, 20);
            case COUNTY_ELDERS -> search.search(admin, null, null, PersonCategory.ELDER, null, none, 0, 20);
            case COUNTY_FIRST_PAGE -> search.search(admin, null, null, null, null, none, 0, 20);
            case EXACT_ID_NUMBER -> search.search(admin, pick(idNumbers), null, null, null, none, 0, 20);
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void report(Path dataDir, long people, int perKind, int warmUp, Map<Kind, List<Long>> timings) {
        System.out.println();
        System.out.println("=== Person search benchmark (issue 3) ===");
        System.out.println("machine: " + BenchmarkApplication.machine());
        System.out.printf(Locale.ROOT, "data:    %s, %,d people in registry.person%n", dataDir.toAbsolutePath(), people);
        System.out.printf(Locale.ROOT, "queries: %d per kind after %d per kind of warm-up, shuffled, one at a time%n",
                perKind, warmUp);
        System.out.println();
        System.out.println("| query | n | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        List<Long> all = new ArrayList<>();
        boolean met = true;
        for (Kind kind : Kind.values()) {
            List<Long> t = timings.get(kind);
            all.addAll(t);
            met &= percentile(t, 95) <= TARGET_P95_MS * 1_000_000;
            System.out.println(row(kind.name() + " — " + kind.description, t));
        }
        System.out.println(row("**all**", all));
        System.out.println();
        System.out.println("p95 target <= " + TARGET_P95_MS + " ms: overall " + (percentile(all, 95)
                <= TARGET_P95_MS * 1_000_000 ? "MET" : "MISSED") + ", every kind " + (met ? "MET" : "MISSED"));
    }

    private static String row(String label, List<Long> nanos) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |", label, nanos.size(),
                percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6,
                percentile(nanos, 100) / 1e6);
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
