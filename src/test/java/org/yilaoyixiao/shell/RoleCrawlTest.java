package org.yilaoyixiao.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.registry.internal.demo.DemoPopulationProbe;
import org.springframework.context.ApplicationContext;
import java.time.Duration;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserlessSession;
import org.yilaoyixiao.support.PlatformTest;

/**
 * Walks the web shell as each role would: logs in through the login form, opens every page of the role's navigation
 * and, from there, the records and tabs those pages link to (a few of each kind), over real HTTP. Every answer must
 * be below 500; in Chinese no page may show a raw message key or placeholder, nor a Latin word outside
 * {@link #ALLOWED_WORDS} (text a clerk types as a code — usernames, ID numbers — is marked {@code translate="no"} in
 * the templates and not read). Records outside a township clerk's scope must answer 404 without naming anyone.
 * <p>
 * {@code -Dyly.crawl.paths=/visits,/services} limits the checks of text (not of status) to pages under those paths,
 * for working on one module at a time.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleCrawlTest {

    /** Latin words a Chinese page may show: names of file formats, standards and devices people use as such. */
    static final Set<String> ALLOWED_WORDS = Set.of("Excel", "PDF", "CSV", "xlsx", "SOS", "GPS", "kWh", "GB", "MZ",
            "App", "SMS");

    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_.@/-])[A-Za-z]{2,}(?![A-Za-z0-9_@-])");
    private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?]+\\?\\?|\\{\\d+(,[^}]*)?}"
            + "|(?<![\\w/.-])[a-z][a-z0-9-]*(\\.[a-z0-9-]+){2,}(?![\\w/-])");
    /** Links not to follow: leaving, files, streams, language switches, developer pages. */
    private static final Pattern SKIP = Pattern.compile("^/(logout|api/|swagger|v3/|webjars/|css/|js/|actuator)"
            + "|\\.(xlsx|pdf|csv|png|jpg)(\\?|$)|/stream|[?&]lang=|/export|/letter|/photos/|/report|/template");
    /** Files a page offers: each must come with the page's own session (issue 19), never from the Basic API. */
    private static final Pattern DOWNLOAD = Pattern.compile("\\.(xlsx|pdf|csv)(\\?|$)|/export|/letter|/report|/template");
    private static final int SAMPLES_PER_SHAPE = 2;
    private static final int MAX_PAGES_PER_ROLE = 260;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private final Map<String, String> accounts = new LinkedHashMap<>();
    /** Latin words that are data — in names and titles other tests gave their people, teams and activities. */
    private final Set<String> dataWords = new java.util.HashSet<>();

    @BeforeAll
    void accounts() throws Exception {
        DemoPopulationProbe.awaitStartupLoad(context, Duration.ofMinutes(3));
        accounts.put("COUNTY_ADMIN", PlatformTest.ADMIN);
        accounts.put("BUREAU_STAFF", Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY));
        accounts.put("TOWNSHIP_STAFF", Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG));
        accounts.put("BUTLER", Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG));
        accounts.put("INSTITUTION_OPERATOR", Accounts.create(mvc, "INSTITUTION_OPERATOR", PlatformTest.HECHENG));
        accounts.put("AUDITOR", Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY));
        accounts.put("LEADER", Accounts.create(mvc, "LEADER", PlatformTest.COUNTY));
    }

    @Test
    void everyRoleCanOpenEveryPageOfItsNavigationWithoutAFaultAndInChinese() throws Exception {
        Map<String, List<String>> problems = new TreeMap<>();
        Map<String, Integer> visited = new LinkedHashMap<>();
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            String password = account.getValue().equals(PlatformTest.ADMIN) ? PlatformTest.ADMIN_PASSWORD
                    : Accounts.PASSWORD;
            visited.put(account.getKey(), crawl(account.getKey(), account.getValue(), password, problems));
        }
        assertThat(visited.values()).allSatisfy(n -> assertThat(n).isGreaterThan(0));
        collectDataWords();
        // what a page shows is judged on its own words, not on names other tests gave their records
        problems.replaceAll((page, found) -> found.stream().map(this::withoutDataWords).filter(p -> p != null)
                .toList());
        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as("pages with faults, raw keys or English words (visited %s)", visited).isEmpty();
    }

    @Test
    void recordsOutsideATownshipClerksScopeAreNotFoundAndNameNobody() throws Exception {
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(accounts.get("TOWNSHIP_STAFF"), Accounts.PASSWORD);
        Map<String, String> foreign = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, name from registry.person
                        where residence_division_code not like :scope and birth_date < current_date - 70 * 365
                        order by id limit 1
                        """).param("scope", PlatformTest.HECHENG + "%")
                .query((rs, i) -> foreign.put("/persons/" + rs.getLong("id"), rs.getString("name"))).list();
        String personPath = foreign.keySet().iterator().next();
        String personId = personPath.substring("/persons/".length());
        for (String path : List.of(personPath, personPath + "/basic", personPath + "/relations",
                personPath + "/timeline", "/assessment/persons/" + personId + "/tab",
                "/visits/persons/" + personId + "/tab", "/placement/persons/" + personId,
                "/subsidies/persons/" + personId + "/tab", "/love-cards/persons/" + personId + "/tab",
                "/timebank/persons/" + personId + "/tab", "/guardian/persons/" + personId + "/tab",
                "/guardian/safe-zones?personId=" + personId, "/love-cards/" + personId)) {
            HttpResponse<String> response = session.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain(foreign.get(personPath)).contains("未找到或无权查看");
        }
        HttpResponse<String> api = session.get("/api/v1/persons/" + personId + "/timeline");
        assertThat(api.statusCode()).isIn(401, 404);
        for (String path : List.of("/persons/999999999", "/services/orders/999999999", "/assessment/999999999",
                "/facilities/institutions/999999999", "/facilities/providers/999999999",
                "/subsidies/runs/999999999", "/subsidies/grants/999999999", "/visits/999999999",
                "/guardian/alerts/999999999", "/funds/accounts/999999999", "/timebank/activities/999999999",
                "/timebank/courses/999999999", "/exchange/loads/999999999", "/love-cards/999999999",
                "/services/teams/999999999", "/visits/999999999/orders", "/subsidies/runs/999999999/approve",
                "/subsidies/runs/999999999/payable.xlsx", "/funds/accounts/999999999/release")) {
            HttpResponse<String> response = session.get(path);
            assertThat(response.statusCode()).as(path).isIn(403, 404);
        }
    }

    @Test
    void badParametersAreExplainedNotFaults() throws Exception {
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        for (String path : List.of("/persons?q=%00", "/persons?page=2147483647", "/persons?category=NOPE",
                "/persons/NaN", "/persons/abc", "/subsidies/runs/12abc", "/visits/supervision?month=2026-13",
                "/audit?from=yesterday", "/persons?q=%C3%28")) {
            HttpResponse<String> response = session.get(path);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("事件编号");
        }
    }

    /**
     * The Latin words found in the names and titles of the shared test database's records (people, accounts,
     * facilities, teams, activities…): tests in the same database name things as they like, and which of their
     * records a crawl meets depends on the order the tests ran in.
     */
    private void collectDataWords() {
        List<String[]> columns = jdbc.sql("""
                        select table_schema, table_name, column_name from information_schema.columns
                        where column_name in ('name', 'title', 'display_name', 'item_name', 'family_name')
                          and data_type in ('character varying', 'text')
                          and table_schema not in ('pg_catalog', 'information_schema')
                        """).query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        for (String[] c : columns) {
            dataWords.addAll(jdbc.sql("select distinct (regexp_matches(\"%s\", '[A-Za-z]{2,}', 'g'))[1] from \"%s\".\"%s\""
                    .formatted(c[2], c[0], c[1])).query(String.class).list());
        }
    }

    private String withoutDataWords(String problem) {
        if (!problem.startsWith("latin: ")) {
            return problem;
        }
        List<String> words = java.util.Arrays.stream(problem.substring("latin: ".length()).split(" "))
                .filter(w -> !dataWords.contains(w)).toList();
        return words.isEmpty() ? null : "latin: " + String.join(" ", words);
    }

    private int crawl(String role, String username, String password, Map<String, List<String>> problems)
            throws Exception {
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(username, password);
        Set<String> only = restrictedPaths();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        Set<String> downloaded = new java.util.HashSet<>();
        HttpResponse<String> start = session.get("/");
        String landing = start.statusCode() == 302 ? path(start.headers().firstValue("Location").orElse("/")) : "/";
        queue.add(landing);
        queue.add("/");
        int pages = 0;
        while (!queue.isEmpty() && pages < MAX_PAGES_PER_ROLE) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> response = session.get(path);
            pages++;
            int status = response.statusCode();
            if (status >= 500) {
                problems.computeIfAbsent(role + " " + path, k -> new ArrayList<>()).add("status " + status);
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status != 200 || !type.startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.body());
            if (only.isEmpty() || only.stream().anyMatch(path::startsWith)) {
                List<String> found = textProblems(page);
                if (!found.isEmpty()) {
                    problems.computeIfAbsent(role + " " + path, k -> new ArrayList<>()).addAll(found);
                }
            }
            checkDownloads(role, path, page, session, downloaded, problems);
            for (String link : links(page, path.equals(landing) || path.equals("/"))) {
                String shape = link.replaceAll("\\d+", "#");
                if (!seen.contains(link) && shapes.merge(shape, 1, Integer::sum) <= SAMPLES_PER_SHAPE) {
                    queue.add(link);
                }
            }
        }
        return pages;
    }

    /**
     * Every file link of the page (one per shape) is fetched with the crawler's web session: it must answer 200 with a
     * file, not a login prompt (401), a refusal or an HTML page; a link into {@code /api/} would need Basic credentials.
     */
    private static void checkDownloads(String role, String path, Document page, BrowserlessSession session,
                                       Set<String> downloaded, Map<String, List<String>> problems) throws Exception {
        for (Element anchor : page.select("main a[href]")) {
            String link = path(anchor.attr("href"));
            if (link == null || !DOWNLOAD.matcher(link).find()
                    || !downloaded.add(link.replaceAll("\\d+", "#").replaceAll("\\?.*", ""))) {
                continue;
            }
            if (link.startsWith("/api/")) {
                problems.computeIfAbsent(role + " " + path, k -> new ArrayList<>())
                        .add("download through the Basic API: " + link);
                continue;
            }
            long started = System.nanoTime();
            HttpResponse<String> file;
            try {
                file = session.get(link);
            } catch (java.io.IOException e) {
                problems.computeIfAbsent(role + " " + path, k -> new ArrayList<>())
                        .add("download " + link + " broke off after "
                                + (System.nanoTime() - started) / 1_000_000 + " ms: " + e.getMessage());
                continue;
            }
            String type = file.headers().firstValue("Content-Type").orElse("");
            if (file.statusCode() != 200 || type.startsWith("text/html")) {
                problems.computeIfAbsent(role + " " + path, k -> new ArrayList<>())
                        .add("download " + link + " answered " + file.statusCode() + " " + type);
            }
        }
    }

    /** Navigation first (from the landing page), then links and htmx loads of the page itself. */
    private static List<String> links(Document page, boolean withNavigation) {
        List<String> links = new ArrayList<>();
        if (withNavigation) {
            page.select("#mainNav a[href]").forEach(a -> links.add(a.attr("href")));
        }
        page.select("main a[href], main [hx-get]").forEach(e -> {
            if (e.hasAttr("hx-trigger") && e.attr("hx-trigger").contains("every")) {
                return;
            }
            links.add(e.hasAttr("hx-get") ? e.attr("hx-get") : e.attr("href"));
        });
        return links.stream().map(RoleCrawlTest::path).filter(p -> p != null && !SKIP.matcher(p).find()).toList();
    }

    private static String path(String href) {
        if (href == null || href.isBlank() || href.startsWith("#") || href.startsWith("tel:")
                || href.startsWith("mailto:") || href.startsWith("javascript:")) {
            return null;
        }
        URI uri = URI.create(href.replace(" ", "%20"));
        if (uri.getHost() != null && !uri.getHost().equals("localhost")) {
            return null;
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || !path.startsWith("/")) {
            return null;
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** Raw message keys and placeholders anywhere in the visible text; Latin words outside codes and the allow-list. */
    static List<String> textProblems(Document page) {
        Document copy = page.clone();
        copy.select("script, style, template, [translate=no], code, kbd, samp, .visually-hidden").remove();
        Element body = copy.body();
        String text = body.text() + " " + String.join(" ", body.select("[title], [placeholder], [aria-label]")
                .eachAttr("title")) + " " + String.join(" ", body.select("[placeholder]").eachAttr("placeholder"));
        List<String> found = new ArrayList<>();
        Matcher raw = RAW_KEY.matcher(text);
        while (raw.find()) {
            found.add("raw: " + raw.group());
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher latin = LATIN_WORD.matcher(text);
        while (latin.find()) {
            if (!ALLOWED_WORDS.contains(latin.group())) {
                words.add(latin.group());
            }
        }
        if (!words.isEmpty()) {
            found.add("latin: " + String.join(" ", words));
        }
        return found;
    }

    private static Set<String> restrictedPaths() {
        String paths = System.getProperty("yly.crawl.paths", "");
        Set<String> only = new LinkedHashSet<>();
        for (String p : paths.split(",")) {
            if (!p.isBlank()) {
                only.add(p.strip());
            }
        }
        return only;
    }
}
