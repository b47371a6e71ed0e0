package org.yilaoyixiao.guardian.internal;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.YilaoyixiaoApplication;
import org.yilaoyixiao.guardian.detection.DetectionSettings;
import org.yilaoyixiao.guardian.detection.Detectors;
import org.yilaoyixiao.guardian.detection.ElderProfile;
import org.yilaoyixiao.guardian.detection.Reading;
import org.yilaoyixiao.guardian.detection.ReadingType;
import org.yilaoyixiao.guardian.detection.SafeZone;
import org.yilaoyixiao.guardian.detection.TimerKind;
import org.yilaoyixiao.guardian.detection.Timers;

/**
 * Issue 10's targets: sustained readings per second in HTTP batches with the p99 reading-to-alert latency (an SOS is
 * alerted in the transaction of its batch, so its batch's response time bounds it), every reading accounted for; and
 * the detectors' state of 100,000 elders on the heap. Not a test: run with benchmarks/guardian-ingestion/run.
 * Arguments: [elders=2000] [seconds=60] [threads=8] [batch=500]; seconds 0 measures the heap only.
 */
public final class GuardianIngestionBenchmark {

    private GuardianIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int elders = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        heap(100_000);
        if (seconds == 0) {
            return;
        }
        Path data = Files.createTempDirectory("guardian-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YilaoyixiaoApplication.class).run(
                "--yly.data-dir=" + data, "--yly.admin.password=Bench-Mark-2026!", "--server.port=0",
                "--yly.demo.enabled=false", "--yly.demo.scale=0", "--logging.level.root=WARN")) {
            ingest(app, elders, seconds, threads, batch);
        }
    }

    private static void ingest(ConfigurableApplicationContext app, int elders, int seconds, int threads, int batch)
            throws Exception {
        DeviceDirectory devices = app.getBean(DeviceDirectory.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String key = app.getBean(GatewayKeys.class).issue("benchmark", "benchmark").apiKey();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        for (int i = 0; i < elders; i++) {
            long person = 50_000_000L + i;
            devices.register("bw-" + i, DeviceType.GPS_WATCH, person, "331121001901", "benchmark");
            devices.register("bm-" + i, DeviceType.WATER_METER, person, "331121001901", "benchmark");
            jdbc.sql("insert into guardian.safe_zone (person_id, name, lat, lon, radius_meters, created_by)"
                    + " values (:p, 'home', 28.15, 120.29, 150, 'benchmark')").param("p", person).update();
        }
        AtomicLongArray seq = new AtomicLongArray(elders * 2);
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> sosLatencies = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(Math.min(10, seconds / 5)).toNanos();
        AtomicLong measuredFrom = new AtomicLong();
        AtomicLong acceptedAtWarmUp = new AtomicLong(-1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    StringBuilder body = new StringBuilder("[");
                    boolean sos = false;
                    Instant now = Instant.now().minusSeconds(1);
                    for (int r = 0; r < batch; r++) {
                        int elder = ThreadLocalRandom.current().nextInt(elders);
                        boolean watch = ThreadLocalRandom.current().nextBoolean();
                        String device = (watch ? "bw-" : "bm-") + elder;
                        long n = seq.incrementAndGet(elder * 2 + (watch ? 0 : 1));
                        String type = watch ? (ThreadLocalRandom.current().nextInt(4000) == 0 ? "SOS" : "LOCATION")
                                : "WATER";
                        sos |= type.equals("SOS");
                        body.append(r == 0 ? "" : ",").append("{\"deviceId\":\"").append(device)
                                .append("\",\"type\":\"").append(type).append("\",\"at\":\"").append(now)
                                .append("\",\"seq\":").append(n);
                        if (type.equals("LOCATION")) {
                            body.append(",\"lat\":").append(28.15 + ThreadLocalRandom.current().nextDouble() * 0.001)
                                    .append(",\"lon\":120.29");
                        }
                        body.append('}');
                    }
                    body.append(']');
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/guardian/telemetry"))
                                .header("X-Api-Key", key).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 202) {
                            errors.incrementAndGet();
                            continue;
                        }
                        sent.addAndGet(batch);
                        String text = response.body();
                        int from = text.indexOf("\"accepted\":") + 11;
                        accepted.addAndGet(Long.parseLong(text.substring(from, text.indexOf(',', from))));
                        if (System.nanoTime() > warmUpEnd) {
                            if (acceptedAtWarmUp.compareAndSet(-1, accepted.get())) {
                                measuredFrom.set(System.nanoTime());
                            }
                            latencies.add(took);
                            if (sos) {
                                sosLatencies.add(took);
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, java.util.concurrent.TimeUnit.SECONDS);
        double measuredSeconds = (System.nanoTime() - measuredFrom.get()) / 1e9;
        long measuredReadings = accepted.get() - acceptedAtWarmUp.get();
        long accounted = jdbc.sql("select coalesce(sum(accepted + duplicates + rejected), 0) from guardian.ingest_batch")
                .query(Long.class).single();
        long stored = jdbc.sql("select count(*) from guardian.reading").query(Long.class).single();
        long sosAlerts = jdbc.sql("select coalesce(sum(trigger_count), 0) from guardian.alert where type = 'SOS'")
                .query(Long.class).single();
        System.out.printf("%nGuardian ingestion: %d elders, %d threads, batches of %d, %d s (first %d s warm-up)%n",
                elders, threads, batch, seconds, Math.min(10, seconds / 5));
        System.out.printf("  machine: processors=%d, max heap=%d MiB, java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.runtime.version"));
        System.out.printf("  throughput: %.0f readings/s (%d readings in %.1f s measured)%n",
                measuredReadings / measuredSeconds, measuredReadings, measuredSeconds);
        System.out.printf("  batch latency: p50 %s, p99 %s; batches with an SOS: %d, p99 %s; errors %d%n",
                ms(latencies, 50), ms(latencies, 99), sosLatencies.size(), ms(sosLatencies, 99), errors.get());
        System.out.printf("  accounted: sent %d, accounted in ingest_batch %d, stored %d, SOS alert triggers %d%n",
                sent.get(), accounted, stored, sosAlerts);
    }

    private static String ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        return String.format("%.0f ms", value / 1e6);
    }

    /**
     * The detectors' in-memory state for {@code elders} elders, then their learned profiles as the profile cache holds
     * them (a manual zone, a learned home and two places, two outings, active hours, water and power habits — each
     * profile its own objects, as loaded from the database), measured on the heap after a full collection.
     */
    private static void heap(int elders) {
        Timers none = new Timers() {
            @Override
            public void setNoEarlierThan(String key, long personId, TimerKind kind, Instant due, String context) {
            }

            @Override
            public void set(String key, long personId, TimerKind kind, Instant due, String context) {
            }

            @Override
            public void cancel(String key) {
            }
        };
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Detectors detectors = new Detectors(DetectionSettings.defaults());
        ElderProfile shared = new ElderProfile(1, List.of(new SafeZone("home", 28.15, 120.29, 150)), false,
                Duration.ofHours(4));
        Instant at = Instant.parse("2026-05-04T02:00:00Z");
        for (long i = 0; i < elders; i++) {
            detectors.onReading(shared, new Reading("w" + i, i, ReadingType.LOCATION, at, 1, 28.1501, 120.29, null),
                    none);
            detectors.onReading(shared, new Reading("m" + i, i, ReadingType.WATER, at, 1, null, null, 1.0), none);
        }
        System.gc();
        long afterState = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        java.util.Map<Long, ElderProfile> profiles = new java.util.LinkedHashMap<>(1024, 0.75f, true);
        for (long i = 0; i < elders; i++) {
            double lat = 28.05 + (i % 1000) * 0.0003;
            double lon = 119.95 + (i / 1000) * 0.0004;
            List<SafeZone> zones = List.of(new SafeZone(new String("女儿家"), lat + 0.01, lon, 150),
                    new SafeZone(new String("home"), lat, lon, 100, SafeZone.Source.LEARNED_HOME, SafeZone.ALL_HOURS),
                    new SafeZone(new String("place-1"), lat + 0.008, lon, 100, SafeZone.Source.LEARNED_PLACE,
                            0b1111 << 6),
                    new SafeZone(new String("place-2"), lat + 0.002, lon, 100, SafeZone.Source.LEARNED_PLACE,
                            0b111 << 13));
            List<org.yilaoyixiao.guardian.detection.Outing> outings = List.of(
                    new org.yilaoyixiao.guardian.detection.Outing(new String("place-1"), 415, 555, 920, 12),
                    new org.yilaoyixiao.guardian.detection.Outing(new String("place-2"), 815, 935, 260, 14));
            profiles.put(i, new ElderProfile(i, zones, i % 10 == 0, Duration.ofMinutes(200 + i % 60),
                    0b11111111111111111 << 5, outings, 480, 480));
        }
        System.gc();
        long afterProfiles = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%nDetector state: %d elders in memory, %.1f MiB on the heap (%.0f bytes per elder)%n",
                detectors.elders(), (afterState - before) / 1048576.0, (afterState - before) / (double) elders);
        System.out.printf("Learned profiles: %d elders cached, %.1f MiB on the heap (%.0f bytes per elder);"
                        + " state and profiles together %.1f MiB%n", profiles.size(),
                (afterProfiles - afterState) / 1048576.0, (afterProfiles - afterState) / (double) elders,
                (afterProfiles - before) / 1048576.0);
        if (detectors.elders() != elders || profiles.size() != elders) {
            throw new IllegalStateException("state lost");
        }
    }
}
