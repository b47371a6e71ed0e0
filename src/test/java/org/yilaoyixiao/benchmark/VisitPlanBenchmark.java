package org.yilaoyixiao.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.yilaoyixiao.registry.DemoPopulation;

/**
 * Issue 8 (no numeric target in the issue): how long the monthly work of the visits module takes on a county of the
 * given demo scale. Starts the platform on a FRESH data directory with {@code yly.demo.scale=N}, waits for the demo
 * population, then through the REST API as the administrator: plans the current month (recomputing the target
 * population and creating the tasks) once cold and three more times (idempotent, nothing new), records visits for
 * randomly chosen target elders and replays some of them (same idempotency key), and reads the county's rate, a
 * township's rate, the supervisor's progress and the first page of targets. Prints timings.
 * <p>
 * Arguments: {@code [dataDir] [scale] [visits]}, default {@code target/benchmark-data/visits-n1 1 1000}.
 */
public final class VisitPlanBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + BenchmarkApplication.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private VisitPlanBenchmark(int port) {
        this.base = "http://localhost:" + port;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/benchmark-data/visits-n1");
        String scale = args.length > 1 ? args[1] : "1";
        int visits = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        FileSystemUtils.deleteRecursively(dataDir);
        try (ConfigurableApplicationContext app = BenchmarkApplication.start(dataDir,
                Map.of("yly.demo.scale", scale, "yly.visits.monthly-plan.enabled", "false"))) {
            app.getBean(DemoPopulation.class).loaded().get();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long people = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            VisitPlanBenchmark benchmark = new VisitPlanBenchmark(port);
            YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));

            System.out.println("machine:   " + BenchmarkApplication.machine());
            System.out.println("county:    scale " + scale + ", " + people + " people in the registry");
            List<Long> plans = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long started = System.nanoTime();
                String body = benchmark.send("POST", "/api/v1/visits/plans/" + month, null, 200);
                plans.add(System.nanoTime() - started);
                System.out.println("plan " + (i == 0 ? "cold " : "again") + ":  " + ms(plans.get(i)) + " ms  " + body);
            }
            List<Long> targets = jdbc.sql("select person_id from visits.target where month = :m order by person_id")
                    .param("m", month.atDay(1)).query(Long.class).list();
            long tasks = jdbc.sql("select count(*) from visits.task where month = :m").param("m", month.atDay(1))
                    .query(Long.class).single();
            System.out.println("targets:   " + targets.size() + " elders, " + tasks + " tasks");

            Random random = new Random(331121);
            List<Long> record = new ArrayList<>();
            List<String> sent = new ArrayList<>();
            String visitedAt = java.time.OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5).withNano(0)
                    .toString();
            for (int i = 0; i < visits; i++) {
                long person = targets.get(random.nextInt(targets.size()));
                String body = """
                        {"personId":%d,"visitedAt":"%s","mode":"HOME","idempotencyKey":"%s","findings":{
                         "HEALTH":{"concern":false},"LIVING":{"concern":false},"SAFETY":{"concern":false},
                         "MENTAL":{"concern":false},"NEEDS":{"concern":false}}}""".formatted(person, visitedAt,
                        UUID.randomUUID());
                long started = System.nanoTime();
                benchmark.send("POST", "/api/v1/visits", body, 201);
                record.add(System.nanoTime() - started);
                sent.add(body);
            }
            report("record visit (new key)", record);
            List<Long> replay = new ArrayList<>();
            for (int i = 0; i < Math.min(200, sent.size()); i++) {
                long started = System.nanoTime();
                benchmark.send("POST", "/api/v1/visits", sent.get(i), 200);
                replay.add(System.nanoTime() - started);
            }
            report("record visit (replayed key)", replay);
            long stored = jdbc.sql("select count(*) from visits.visit").query(Long.class).single();
            System.out.println("visits:    " + stored + " stored for " + visits + " new keys and " + replay.size()
                    + " replays");

            // every API request authenticates with HTTP Basic (BCrypt, cost 10): this is that floor
            report("GET /api/v1/me (reference)", benchmark.time("/api/v1/me", 50));
            report("rate, county", benchmark.time("/api/v1/visits/rate?division=331121&month=" + month, 50));
            report("rate, township", benchmark.time("/api/v1/visits/rate?division=331121001&month=" + month, 50));
            report("progress, county", benchmark.time("/api/v1/visits/progress?division=331121&month=" + month, 20));
            report("targets, county page 0", benchmark.time("/api/v1/visits/targets?month=" + month, 50));
            report("overdue, county", benchmark.time("/api/v1/visits/overdue?division=331121", 20));
        }
    }

    private List<Long> time(String path, int times) throws Exception {
        send("GET", path, null, 200);
        List<Long> timings = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            send("GET", path, null, 200);
            timings.add(System.nanoTime() - started);
        }
        return timings;
    }

    private String send(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .timeout(Duration.ofMinutes(10));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.println(String.format(Locale.ROOT, "%-28s n=%4d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms", what,
                sorted.size(), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(sorted.get(sorted.size() - 1))));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
