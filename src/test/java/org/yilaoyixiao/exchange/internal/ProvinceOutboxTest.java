package org.yilaoyixiao.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;

/** The outbox to the province platform: nothing lost while the province is down, nothing sent twice. */
@PlatformTest
class ProvinceOutboxTest {

    @Autowired
    ProvinceOutbox outbox;

    @Autowired
    ProvinceExport export;

    @Autowired
    ProvinceSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    @Test
    void theOutboxSurvivesTheProvinceFailingAndDeliversEachPayloadExactlyOnce() throws Exception {
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer province = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        province.createContext("/province", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            exchange.getRequestBody().readAllBytes();
            // down for the first two calls, then up
            int status = calls.incrementAndGet() <= 2 ? 503 : 200;
            if (status == 200) {
                accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        province.start();
        String prefix = "TEST-" + System.nanoTime();
        List<String> keys = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        try {
            outbox.useDelivery(new HttpProvinceDelivery("http://127.0.0.1:" + province.getAddress().getPort()
                    + "/province", "test-token"));
            for (String key : keys) {
                assertThat(outbox.enqueue("ELDERS", key, "2026-11-29", 1, "{\"key\":\"" + key + "\"}")).isTrue();
            }
            assertThat(outbox.enqueue("ELDERS", keys.get(0), "2026-11-29", 1, "{}")).as("queued once").isFalse();

            outbox.dispatch();
            assertThat(statuses(prefix)).containsEntry("PENDING", 2L).containsEntry("DELIVERED", 1L);
            assertThat(jdbc.sql("select last_error from exchange.province_outbox where idempotency_key like :p "
                    + "and status = 'PENDING' limit 1").param("p", prefix + "%").query(String.class).single())
                    .contains("503");
            outbox.dispatch();
            assertThat(statuses(prefix)).as("not due again before the back-off").containsEntry("PENDING", 2L);

            clock.advance(Duration.ofMinutes(10));
            outbox.dispatch();
            outbox.dispatch();
            assertThat(statuses(prefix)).containsOnly(Map.entry("DELIVERED", 3L));
            for (String key : keys) {
                assertThat(accepted.get(key)).as(key).isNotNull();
                assertThat(accepted.get(key).get()).as(key).isEqualTo(1);
            }
            assertThat(calls.get()).isEqualTo(5);
        } finally {
            clock.reset();
            province.stop(0);
            outbox.useDelivery(new FileProvinceDelivery(Path.of(settings.directory())));
        }
    }

    private Map<String, Long> statuses(String prefix) {
        return jdbc.sql("select status, count(*) from exchange.province_outbox where idempotency_key like :p "
                        + "group by status").param("p", prefix + "%")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void theNightlyExportWritesTheDocumentedPayloadsToFilesOnce() throws Exception {
        Path folder = Files.createTempDirectory("province");
        outbox.useDelivery(new FileProvinceDelivery(folder));
        try {
            export.export();
            assertThat(export.export()).as("a second export on the same day queues nothing").isZero();
            outbox.dispatch();
            Path institutions = folder.resolve("institutions");
            List<Path> files = Files.list(institutions).toList();
            assertThat(files).isNotEmpty();
            JsonNode payload = json.readTree(Files.readString(files.get(0), StandardCharsets.UTF_8));
            assertThat(payload.get("schema").asString()).isEqualTo("yly-province/1");
            assertThat(payload.get("kind").asString()).isEqualTo("INSTITUTIONS");
            assertThat(payload.get("items").size()).isPositive();
            assertThat(payload.get("items").get(0).has("nursingBeds")).isTrue();
            try (var elders = Files.list(folder.resolve("elders"))) {
                String text = Files.readString(elders.findFirst().orElseThrow(), StandardCharsets.UTF_8);
                assertThat(text).doesNotContainPattern("\\d{17}[\\dX]");
                assertThat(json.readTree(text).get("items").get(0).has("idNumberMasked")).isTrue();
            }
            for (String kind : List.of("indicators", "visits", "services")) {
                assertThat(Files.exists(folder.resolve(kind))).as(kind).isTrue();
            }
        } finally {
            outbox.useDelivery(new FileProvinceDelivery(Path.of(settings.directory())));
        }
    }
}
