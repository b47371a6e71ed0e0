package org.yilaoyixiao.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.YilaoyixiaoApplication;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * Issue 3's import benchmark, not a test (surefire skips it): generates an xlsx of N synthetic people (valid ID numbers
 * with real check characters, the demo villages of 青田县), starts the whole platform on a fresh embedded PostgreSQL,
 * and imports the file through the HTTP API exactly as a client would: upload, poll until checked, confirm. Prints
 * rows/s for upload+parse+validate, for confirm, and end to end, and the heap used. Run it with
 * {@code benchmarks/registry-import/run} (which sets -Xmx512m).
 * <p>
 * Arguments: {@code [rows=100000] [runs=1]}; each run imports a new file of new people into the same database.
 */
public final class RegistryImportBenchmark {

    private static final String PASSWORD = "Bench-Mark-2026!";
    private static final String[] SURNAMES = {"叶", "陈", "周", "吴", "郑", "王", "李", "张", "刘", "林", "徐", "潘", "邱"};
    private static final String[] GIVEN = {"阿婆", "阿公", "秀英", "桂花", "建国", "爱华", "志明", "丽娟", "小妹", "国强"};
    private static final String[] ECONOMIC = {"", "", "", "无", "低边", "低保", "特困"};
    private static final String[] LIVING = {"", "", "空巢", "独居", "留守", "空巢、留守", "独居、重残", "计划生育特殊家庭"};

    private RegistryImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path work = Files.createTempDirectory("yly-import-benchmark-");
        System.out.printf("Registry import benchmark: %,d rows x %d run(s); max heap %d MiB; %d CPUs; Java %s%n",
                rows, runs, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<String> villages = villages();
        List<Path> files = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            Path file = work.resolve("people-" + run + ".xlsx");
            generate(file, rows, run, villages);
            files.add(file);
            System.out.printf("generated %s: %,d bytes in %d ms%n", file.getFileName(), Files.size(file), ms(t0));
        }
        System.gc();

        long boot = System.nanoTime();
        ConfigurableApplicationContext app = SpringApplication.run(YilaoyixiaoApplication.class,
                "--yly.data-dir=" + work.resolve("data"), "--server.port=0", "--yly.admin.password=" + PASSWORD,
                "--yly.demo.scale=0", "--logging.level.root=WARN",
                "--logging.level.org.yilaoyixiao.registry=INFO");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        System.out.printf("platform started on port %d in %d ms (durable embedded PostgreSQL in %s)%n", port, ms(boot),
                work.resolve("data"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Client client = new Client(port);
        try {
            for (int run = 0; run < runs; run++) {
                resetPeaks();
                long before = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
                Result result = importOnce(client, files.get(run), rows);
                long after = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
                System.out.printf("run %d: %s%n", run + 1, result.describe(rows));
                System.out.printf("run %d: registry.person grew by %,d (expected %,d); peak heap %d MiB of %d MiB%n",
                        run + 1, after - before, rows, peakHeap() / (1024 * 1024),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024));
                if (after - before != rows) {
                    throw new IllegalStateException("The import did not register every row");
                }
            }
        } finally {
            app.close();
            deleteTree(work);
        }
    }

    record Result(long uploadMs, long validateMs, long confirmMs, int maxPercentSeen, int polls) {
        String describe(int rows) {
            long checked = uploadMs + validateMs;
            long total = checked + confirmMs;
            return String.format("upload %d ms + parse/validate %d ms = %d ms (%,.0f rows/s); confirm %d ms "
                            + "(%,.0f rows/s); end to end %d ms (%,.0f rows/s); %d progress polls",
                    uploadMs, validateMs, checked, rate(rows, checked), confirmMs, rate(rows, confirmMs), total,
                    rate(rows, total), polls);
        }
    }

    private static Result importOnce(Client client, Path file, int rows) throws Exception {
        long start = System.nanoTime();
        String accepted = client.upload(file);
        long uploaded = System.nanoTime();
        long id = Long.parseLong(field(accepted, "id"));
        int polls = 0;
        int maxPercent = 0;
        String state;
        while (true) {
            state = client.get("/api/v1/persons/imports/" + id);
            polls++;
            maxPercent = Math.max(maxPercent, Integer.parseInt(field(state, "percent")));
            if (!"VALIDATING".equals(field(state, "status"))) {
                break;
            }
            Thread.sleep(100);
        }
        long validated = System.nanoTime();
        if (!"VALIDATED".equals(field(state, "status")) || Integer.parseInt(field(state, "validRows")) != rows) {
            throw new IllegalStateException("Unexpected state after checking: " + state);
        }
        String done = client.post("/api/v1/persons/imports/" + id + "/confirm");
        long confirmed = System.nanoTime();
        if (Integer.parseInt(field(done, "createdRows")) != rows) {
            throw new IllegalStateException("Unexpected result of the confirmation: " + done);
        }
        return new Result((uploaded - start) / 1_000_000, (validated - uploaded) / 1_000_000,
                (confirmed - validated) / 1_000_000, maxPercent, polls);
    }

    /** A file as a clerk's Excel would save it: text cells in a shared-strings table, the template's headers. */
    static void generate(Path file, int rows, int run, List<String> villages) throws IOException {
        Random random = new Random(20260331L + run);
        String address = "3311" + String.format("%02d", 21 + run);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 500, true, true);
             OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = workbook.createSheet("人员");
            String[] headers = {"身份证号码", "姓名", "联系电话", "居住地区划代码", "本县户籍(是/否)",
                    "经济状况(无/低边/低保/特困)", "居住情况(独居、空巢、留守、重残、计划生育特殊家庭)", "死亡日期"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            LocalDate oldest = LocalDate.of(1926, 1, 1);
            for (int i = 0; i < rows; i++) {
                // every 25th an infant, the others elders; (birth date, sequence) never repeats
                boolean infant = i % 25 == 0;
                LocalDate birth = infant ? LocalDate.of(2023, 6, 1).plusDays(i / 25 % 700) : oldest.plusDays(i % 14_000);
                int sequence = infant ? 100 + i / 25 / 700 : i / 14_000;
                String first17 = address + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format("%03d", sequence);
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(first17 + ResidentIdNumber.checkCharacter(first17));
                row.createCell(1).setCellValue(SURNAMES[random.nextInt(SURNAMES.length)]
                        + GIVEN[random.nextInt(GIVEN.length)]);
                row.createCell(2).setCellValue("139" + String.format("%08d", random.nextInt(100_000_000)));
                row.createCell(3).setCellValue(villages.get(random.nextInt(villages.size())));
                row.createCell(4).setCellValue(random.nextInt(10) < 9 ? "是" : "否");
                String economic = ECONOMIC[random.nextInt(ECONOMIC.length)];
                if (!economic.isEmpty()) {
                    row.createCell(5).setCellValue(economic);
                }
                String living = LIVING[random.nextInt(LIVING.length)];
                if (!living.isEmpty()) {
                    row.createCell(6).setCellValue(living);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** The demo villages the platform loads on its first start. */
    private static List<String> villages() throws IOException {
        List<String> codes = new ArrayList<>();
        try (InputStream in = RegistryImportBenchmark.class.getResourceAsStream(
                "/reference/divisions/331121-villages-synthetic.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.matches("[0-9]{12},.*")) {
                    codes.add(line.substring(0, 12));
                }
            }
        }
        return codes;
    }

    /** The API as a client sees it: HTTP Basic, JSON, multipart upload. */
    private static final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        Client(int port) {
            this.base = "http://localhost:" + port;
        }

        String upload(Path file) throws IOException, InterruptedException {
            String boundary = "----yly" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument"
                    + ".spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/persons/imports"))
                    .header("Authorization", authorization)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(file), tail)))
                    .build();
            return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 202);
        }

        String get(String path) throws IOException, InterruptedException {
            return expect(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    authorization).GET().build(), HttpResponse.BodyHandlers.ofString()), 200);
        }

        String post(String path) throws IOException, InterruptedException {
            return expect(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()), 200);
        }

        private static String expect(HttpResponse<String> response, int status) {
            if (response.statusCode() != status) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    /** One top-level JSON field, enough for the few this harness reads. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double rate(int rows, long millis) {
        return millis == 0 ? 0 : rows * 1000.0 / millis;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
