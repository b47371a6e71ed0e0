package org.yilaoyixiao.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.registry.DemoPopulation;

/**
 * Issue 9 target: 200 concurrent users creating and progressing service orders for 5 minutes, p99 at most 100 ms,
 * no errors. Starts the platform (installation settings, fsync on) on a fresh data directory with a demo population,
 * creates township-centre and butler accounts and teams through the API, logs every virtual user in through the real
 * login form, and then runs the order loop over real HTTP the way the pages do: take the order at the intake form,
 * dispatch it to the user's butler, the butler accepts, checks in and checks out on the phone page (htmx), and the
 * centre records the evaluation. Every user thinks between its steps (uniformly {@code thinkMin..thinkMax} ms).
 * An error is any unexpected status, a refusal shown on a page, or an exception.
 * <p>
 * The first {@code warmUpSeconds} run the same load but are not measured (errors are counted throughout).
 * <p>
 * Arguments: {@code [seconds] [users] [thinkMinMs] [thinkMaxMs] [warmUpSeconds] [dataDir]}, default {@code 300 200
 * 1000 3000 30 target/benchmark-data/service-orders}.
 */
public final class ServiceOrdersBenchmark {

    private static final long TARGET_P99_MS = 100;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ORDER = Pattern.compile("/services/orders/(\\d+)$");
    private static final List<String> ITEMS = List.of("CLEAN-HOME", "MED-CHECK", "MEAL-DELIVERY", "EMG-CALL");

    enum Step { INTAKE, DISPATCH, ACCEPT, CHECK_IN, CHECK_OUT, EVALUATE }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<Step, Queue<Long>> timings = new EnumMap<>(Step.class);
    private final AtomicLong errors = new AtomicLong();
    private final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong ordersDone = new AtomicLong();
    /** Timings before this instant (the warm-up: cold JIT, all users starting at once) are not counted. */
    private volatile long measureFrom;

    private ServiceOrdersBenchmark(String base) {
        this.base = base;
        for (Step step : Step.values()) {
            timings.put(step, new ConcurrentLinkedQueue<>());
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int thinkMin = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int thinkMax = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path dataDir = Path.of(args.length > 5 ? args[5] : "target/benchmark-data/service-orders");
        deleteRecursively(dataDir);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("yly.demo.scale", "0.1");
        settings.put("server.tomcat.threads.max", Integer.toString(Math.max(200, users)));
        settings.put("spring.datasource.hikari.maximum-pool-size", "20");
        settings.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext app = BenchmarkApplication.start(dataDir, settings)) {
            app.getBean(DemoPopulation.class).loaded().join();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            ServiceOrdersBenchmark benchmark = new ServiceOrdersBenchmark("http://localhost:" + port);
            List<VirtualUser> virtualUsers = benchmark.setUp(app.getBean(JdbcClient.class), users);
            long orders = app.getBean(JdbcClient.class).sql("select count(*) from services.service_order")
                    .query(Long.class).single();
            benchmark.run(virtualUsers, Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds), thinkMin, thinkMax);
            long after = app.getBean(JdbcClient.class).sql("select count(*) from services.service_order")
                    .query(Long.class).single();
            benchmark.report(seconds, warmUp, users, thinkMin, thinkMax, after - orders);
        }
    }

    /** A centre clerk and a butler of one township working as a pair, each with a logged-in browser session. */
    record VirtualUser(int index, Session centre, Session butler, String butlerName, List<Long> elders) {
    }

    record Session(String cookie, String csrf) {
    }

    private List<VirtualUser> setUp(JdbcClient jdbc, int users) throws Exception {
        List<String> townships = jdbc.sql("select distinct township_code from registry.published_person"
                + " where status = 'ACTIVE' and township_code is not null order by 1").query(String.class).list();
        Map<String, List<Long>> elders = new LinkedHashMap<>();
        for (String township : townships) {
            elders.put(township, jdbc.sql("select id from registry.published_person where township_code = :t"
                            + " and status = 'ACTIVE' and birth_date < date '1966-01-01' order by id limit 200")
                    .param("t", township).query(Long.class).list());
        }
        townships = townships.stream().filter(t -> !elders.get(t).isEmpty()).toList();
        Map<String, Long> items = new LinkedHashMap<>();
        String admin = "admin:" + BenchmarkApplication.ADMIN_PASSWORD;
        for (String line : send(HttpRequest.newBuilder(URI.create(base + "/api/v1/service-items"))
                .header("Authorization", basic(admin)).GET().build()).body().split("\\{\"id\":")) {
            for (String code : ITEMS) {
                if (line.contains("\"code\":\"" + code + "\"")) {
                    items.put(code, Long.parseLong(line.substring(0, line.indexOf(','))));
                }
            }
        }
        this.itemIds = List.copyOf(items.values());
        // one clerk and one butler account per township in use; each virtual user logs in on its own sessions
        int pairs = Math.min(townships.size(), users);
        List<String[]> accounts = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String township = townships.get(i);
            String clerk = account("bench-clerk-" + i, "TOWNSHIP_STAFF", township);
            String butler = account("bench-butler-" + i, "BUTLER", township);
            String team = send(json(base + "/api/v1/butler-teams", admin, "POST",
                    "{\"name\":\"压测服务队" + i + "\",\"townshipCode\":\"" + township + "\",\"villages\":[]}")).body();
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(team);
            id.find();
            check(send(json(base + "/api/v1/butler-teams/" + id.group(1) + "/members/" + butler, admin, "PUT",
                    "{\"skills\":[\"CLEANING\",\"MEDICAL\",\"MEALS\",\"EMERGENCY\"]}")), 200, "team member");
            accounts.add(new String[] {clerk, butler, township});
        }
        List<VirtualUser> result = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String[] pair = accounts.get(i % pairs);
            result.add(new VirtualUser(i, logIn(pair[0], "/services/intake"), logIn(pair[1], "/services/tasks"),
                    pair[1], elders.get(pair[2])));
        }
        return result;
    }

    private List<Long> itemIds;

    private String account(String username, String role, String division) throws Exception {
        String initial = "Initial-Pass-2026";
        check(send(json(base + "/api/v1/users", "admin:" + BenchmarkApplication.ADMIN_PASSWORD, "POST", """
                {"username":"%s","password":"%s","displayName":"压测用户","roles":["%s"],"divisionCode":"%s","bureau":null}
                """.formatted(username, initial, role, division))), 201, "create " + username);
        check(send(json(base + "/api/v1/me/password", username + ":" + initial, "POST",
                "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"" + PASSWORD + "\"}")), 204, "password");
        return username;
    }

    private static final String PASSWORD = "Bench-Users-2026";

    private Session logIn(String username, String page) throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
        String cookie = cookie(login, null);
        String csrf = csrf(login.body());
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", username, "password", PASSWORD,
                        "_csrf", csrf))).build());
        cookie = cookie(posted, cookie);
        HttpResponse<String> landing = send(HttpRequest.newBuilder(URI.create(base + page)).header("Cookie", cookie)
                .GET().build());
        check(landing, 200, "landing " + page);
        return new Session(cookie, csrf(landing.body()));
    }

    private void run(List<VirtualUser> users, Duration warmUp, Duration duration, int thinkMin, int thinkMax)
            throws Exception {
        measureFrom = System.nanoTime() + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch done = new CountDownLatch(users.size());
        for (VirtualUser user : users) {
            Thread thread = new Thread(() -> {
                Random random = new Random(331121L + user.index());
                try {
                    sleep(random.nextInt(thinkMax)); // spread the start
                    while (System.nanoTime() < end) {
                        loop(user, random, thinkMin, thinkMax, end);
                    }
                } finally {
                    done.countDown();
                }
            }, "user-" + user.index());
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
    }

    /** One order's life; stops between steps when the time is up (the order stays open, as in real life). */
    private void loop(VirtualUser user, Random random, int thinkMin, int thinkMax, long end) {
        try {
            long person = user.elders().get(random.nextInt(user.elders().size()));
            long item = itemIds.get(random.nextInt(itemIds.size()));
            HttpResponse<String> placed = timed(Step.INTAKE, post(user.centre(), "/services/intake",
                    "personId", Long.toString(person), "itemId", Long.toString(item), "channel", "PHONE",
                    "quantity", "1", "idempotencyKey", UUID.randomUUID().toString()));
            String location = placed.headers().firstValue("Location").orElse("");
            Matcher order = ORDER.matcher(location);
            if (placed.statusCode() != 302 || !order.find()) {
                error(Step.INTAKE, placed);
                return;
            }
            String id = order.group(1);
            Step[] steps = {Step.DISPATCH, Step.ACCEPT, Step.CHECK_IN, Step.CHECK_OUT, Step.EVALUATE};
            for (Step step : steps) {
                think(random, thinkMin, thinkMax);
                if (System.nanoTime() >= end) {
                    return;
                }
                HttpResponse<String> response = switch (step) {
                    case DISPATCH -> timed(step, post(user.centre(), "/services/orders/" + id + "/dispatch",
                            "butler", user.butlerName()));
                    case ACCEPT -> timed(step, htmx(user.butler(), "/services/tasks/" + id + "/accept"));
                    case CHECK_IN -> timed(step, htmx(user.butler(), "/services/tasks/" + id + "/check-in"));
                    case CHECK_OUT -> timed(step, htmx(user.butler(), "/services/tasks/" + id + "/check-out"));
                    case EVALUATE -> timed(step, post(user.centre(), "/services/orders/" + id + "/evaluate",
                            "stars", Integer.toString(3 + random.nextInt(3)), "by", "ELDER", "comment", "满意"));
                    default -> throw new IllegalStateException();
                };
                boolean redirect = step == Step.DISPATCH || step == Step.EVALUATE;
                boolean ok = redirect ? response.statusCode() == 302
                        && response.headers().firstValue("Location").orElse("").endsWith("/services/orders/" + id)
                        : response.statusCode() == 200 && !response.body().contains("alert-danger");
                if (!ok) {
                    error(step, response);
                    return;
                }
            }
            ordersDone.incrementAndGet();
            think(random, thinkMin, thinkMax);
        } catch (Exception e) {
            errors.incrementAndGet();
            if (errorSamples.size() < 10) {
                errorSamples.add(e.toString());
            }
        }
    }

    private HttpRequest post(Session session, String path, String... fields) {
        String[] all = new String[fields.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = "_csrf";
        all[fields.length + 1] = session.csrf();
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build();
    }

    private HttpRequest htmx(Session session, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session.cookie())
                .header("HX-Request", "true").header("X-CSRF-TOKEN", session.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpResponse<String> timed(Step step, HttpRequest request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (started >= measureFrom) {
            timings.get(step).add(System.nanoTime() - started);
        }
        return response;
    }

    private void error(Step step, HttpResponse<String> response) {
        errors.incrementAndGet();
        if (errorSamples.size() < 10) {
            String body = response.body();
            errorSamples.add(step + " " + response.statusCode() + " " + response.headers().firstValue("Location")
                    .orElse("") + " " + body.substring(0, Math.min(300, body.length())).replaceAll("\\s+", " "));
        }
    }

    private void report(int seconds, int warmUp, int users, int thinkMin, int thinkMax, long orders) {
        System.out.println();
        System.out.println("=== Service orders benchmark (issue 9) ===");
        System.out.println("machine: " + BenchmarkApplication.machine());
        System.out.printf(Locale.ROOT, "load:    %d users for %d s measured after %d s of warm-up, think time %d-%d ms"
                + " between steps, real HTTP (session login, CSRF, pages and htmx), platform and load generator in one"
                + " JVM%n", users, seconds, warmUp, thinkMin, thinkMax);
        System.out.printf(Locale.ROOT, "load average at the end (other processes included): %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "orders:  %,d created, %,d taken through all six steps%n", orders,
                ordersDone.get());
        System.out.println();
        System.out.println("| step | n | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Long> all = new ArrayList<>();
        for (Step step : Step.values()) {
            List<Long> t = new ArrayList<>(timings.get(step));
            all.addAll(t);
            System.out.println(row(step.name(), t, seconds));
        }
        System.out.println(row("**all**", all, seconds));
        System.out.println();
        System.out.println("errors: " + errors.get());
        errorSamples.forEach(e -> System.out.println("  " + e));
        boolean met = !all.isEmpty() && percentile(all, 99) <= TARGET_P99_MS * 1_000_000 && errors.get() == 0;
        System.out.println("target p99 <= " + TARGET_P99_MS + " ms with zero errors: " + (met ? "MET" : "MISSED"));
    }

    private static String row(String label, List<Long> nanos, int seconds) {
        if (nanos.isEmpty()) {
            return "| " + label + " | 0 | | | | | |";
        }
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", label, nanos.size(),
                nanos.size() / (double) seconds, percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6,
                percentile(nanos, 99) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest json(String url, String credentials, String method, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(credentials))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void check(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static String cookie(HttpResponse<String> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(previous);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return matcher.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static void think(Random random, int min, int max) {
        sleep(min + random.nextInt(Math.max(1, max - min)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
