package org.yilaoyixiao.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 target: every list page answers with p95 at most 300 ms at N=10 (about a million people) for a county
 * administrator — the widest scope, so the largest counts. Starts the platform on the data directory that
 * {@link DemoPopulationBenchmark} loaded, logs in through the login form like a browser, and requests each list page
 * (its first page, then a later page and a township filter where the list has them) in a shuffled order, one at a
 * time, after a warm-up. The time is the whole HTTP exchange: controller, queries, Thymeleaf rendering.
 * <p>
 * Arguments: {@code [dataDir] [requestsPerPage] [warmUpPerPage] [pages]}, default
 * {@code target/benchmark-data/demo-n10 40 5}; {@code pages} limits the run to the pages whose label contains one of
 * its comma-separated words (e.g. {@code duplicates,inbox}).
 */
public final class ListPagesBenchmark {

    private static final long TARGET_P95_MS = 300;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, String> pages;

    private ListPagesBenchmark(int port, Map<String, String> pages) {
        this.base = "http://localhost:" + port;
        this.pages = pages;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/benchmark-data/demo-n10");
        int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> only = args.length > 3 ? List.of(args[3].split(",")) : List.of();
        if (!Files.isDirectory(dataDir.resolve("postgres"))) {
            throw new IllegalStateException("No loaded database in " + dataDir + ": run benchmarks/demo-population/run"
                    + " first");
        }
        try (ConfigurableApplicationContext app = BenchmarkApplication.start(dataDir, Map.of())) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long people = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
            String township = jdbc.sql("""
                    select residence_division_code from registry.person group by 1 order by count(*) desc limit 1
                    """).query(String.class).single().substring(0, 9);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Map<String, String> pages = pages(township);
            if (!only.isEmpty()) {
                pages.keySet().removeIf(label -> only.stream().noneMatch(label::contains));
            }
            ListPagesBenchmark benchmark = new ListPagesBenchmark(port, pages);
            benchmark.logIn("admin", BenchmarkApplication.ADMIN_PASSWORD);
            Random random = new Random(331121);
            benchmark.run(schedule(pages, warmUp, random));
            Map<String, List<Long>> timings = benchmark.run(schedule(pages, perPage, random));
            report(dataDir, people, perPage, warmUp, pages, timings);
        }
    }

    /** Label → address; the list pages of every module, with the filters clerks use most. */
    static Map<String, String> pages(String township) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("inbox", "/");
        pages.put("overview", "/home");
        pages.put("persons", "/persons");
        pages.put("persons, page 50", "/persons?page=50");
        pages.put("persons, township elders", "/persons?division=" + township + "&category=ELDER");
        pages.put("persons, surname", "/persons?q=" + URLEncoder.encode("叶", StandardCharsets.UTF_8));
        pages.put("duplicates", "/persons/duplicates");
        pages.put("assessments due", "/assessment/due");
        pages.put("outreach", "/outreach");
        pages.put("institutions", "/facilities/institutions");
        pages.put("care centres", "/facilities/care-centres");
        pages.put("childcare providers", "/facilities/providers");
        pages.put("staff", "/facilities/staff");
        pages.put("placements", "/placement");
        pages.put("placements, page 5", "/placement?page=5");
        pages.put("service board", "/services/board");
        pages.put("visit supervision", "/visits/supervision");
        pages.put("visit targets, township", "/visits/targets?division=" + township);
        pages.put("love cards", "/love-cards");
        pages.put("volunteers", "/timebank/volunteers");
        pages.put("courses", "/timebank/courses");
        pages.put("alert board", "/guardian/alerts");
        pages.put("devices", "/guardian/devices");
        pages.put("subsidy runs", "/subsidies/runs");
        pages.put("grants", "/subsidies/grants");
        pages.put("fund accounts", "/funds");
        pages.put("fund alerts", "/funds/alerts");
        pages.put("policy parameters", "/policy/parameters");
        pages.put("indicator dashboard", "/indicators/dashboard");
        pages.put("plan projects", "/plan/projects");
        pages.put("divisions", "/divisions");
        pages.put("accounts", "/admin/users");
        pages.put("feeds", "/exchange");
        pages.put("review queue", "/exchange/review");
        pages.put("province deliveries", "/exchange/deliveries");
        pages.put("audit trail", "/audit");
        pages.put("messages", "/notifications");
        return pages;
    }

    private void logIn(String username, String password) throws Exception {
        Matcher token = CSRF.matcher(get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("The login page has no CSRF token");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login refused");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> schedule(Map<String, String> pages, int perPage, Random random) {
        List<String> labels = new ArrayList<>();
        for (String label : pages.keySet()) {
            labels.addAll(Collections.nCopies(perPage, label));
        }
        Collections.shuffle(labels, random);
        return labels;
    }

    private Map<String, List<Long>> run(List<String> labels) throws Exception {
        Map<String, List<Long>> timings = new LinkedHashMap<>();
        for (String label : labels) {
            String path = pages.get(label);
            long started = System.nanoTime();
            HttpResponse<String> response = get(path);
            long took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            timings.computeIfAbsent(label, k -> new ArrayList<>()).add(took);
        }
        return timings;
    }

    private static void report(Path dataDir, long people, int perPage, int warmUp, Map<String, String> pages,
                               Map<String, List<Long>> timings) {
        System.out.println();
        System.out.println("=== List pages benchmark (issue 18) ===");
        System.out.println("machine: " + BenchmarkApplication.machine());
        System.out.printf(Locale.ROOT, "data:    %s, %,d people in registry.person%n", dataDir.toAbsolutePath(), people);
        System.out.printf(Locale.ROOT, "requests: %d per page after %d per page of warm-up, shuffled, one at a time,"
                + " as the county administrator%n", perPage, warmUp);
        System.out.println();
        System.out.println("| page | address | n | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Long> all = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            List<Long> t = timings.get(page.getKey());
            all.addAll(t);
            if (percentile(t, 95) > TARGET_P95_MS * 1_000_000) {
                missed.add(page.getKey());
            }
            System.out.println(String.format(Locale.ROOT, "| %s | `%s` | %d | %.1f | %.1f | %.1f | %.1f |",
                    page.getKey(), page.getValue(), t.size(), percentile(t, 50) / 1e6, percentile(t, 95) / 1e6,
                    percentile(t, 99) / 1e6, percentile(t, 100) / 1e6));
        }
        System.out.println(String.format(Locale.ROOT, "| **all** | | %d | %.1f | %.1f | %.1f | %.1f |", all.size(),
                percentile(all, 50) / 1e6, percentile(all, 95) / 1e6, percentile(all, 99) / 1e6,
                percentile(all, 100) / 1e6));
        System.out.println();
        System.out.println("p95 target <= " + TARGET_P95_MS + " ms on every page: "
                + (missed.isEmpty() ? "MET" : "MISSED on " + missed));
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
