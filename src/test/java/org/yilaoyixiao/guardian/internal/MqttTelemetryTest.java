package org.yilaoyixiao.guardian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/** The MQTT path against a real (embedded) broker: same JSON, same ingestion, same accounting as HTTP. */
@PlatformTest
class MqttTelemetryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TelemetryIngestion ingestion;

    private Server broker;
    private MqttTelemetrySubscriber subscriber;
    private MqttClient device;

    @BeforeEach
    void broker() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties config = new Properties();
        config.setProperty("host", "127.0.0.1");
        config.setProperty("port", Integer.toString(port));
        config.setProperty("allow_anonymous", "true");
        config.setProperty("persistence_enabled", "false");
        config.setProperty("data_path", Files.createTempDirectory("moquette").toString());
        broker = new Server();
        broker.startServer(new MemoryConfig(config));
        String url = "tcp://127.0.0.1:" + port;
        subscriber = new MqttTelemetrySubscriber(new GuardianSettings(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, new GuardianSettings.Mqtt(url, "yly-test-" + port, null, null), null),
                ingestion, json);
        subscriber.start();
        waitFor(subscriber::connected);
        device = new MqttClient(url, "device-" + port, new MemoryPersistence());
        device.connect();
    }

    @AfterEach
    void stop() throws Exception {
        if (device != null && device.isConnected()) {
            device.disconnect();
        }
        if (subscriber != null) {
            subscriber.stop();
        }
        if (broker != null) {
            broker.stopServer();
        }
    }

    @Test
    void readingsPublishedOnTheDeviceTopicAreIngestedAndAlertedOnceAndGarbageIsCountedAsRejected() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("卫士消息队列");
        String watch = "watch-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"GPS_WATCH","personId":%d}""".formatted(watch, elder))
                .andExpect(status().isCreated());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
        String payload = """
                [{"type":"HEARTBEAT","at":"%s","seq":1,"battery":81},
                 {"deviceId":"%s","type":"FALL","at":"%s","seq":2}]""".formatted(at, watch, at.plusSeconds(5));
        publish("yly/telemetry/" + watch, payload);
        // the device resends (it did not get the PUBACK): nothing new
        publish("yly/telemetry/" + watch, payload);
        waitFor(() -> count("select count(*) from guardian.ingest_batch where channel = 'MQTT' and duplicates = 2"
                + " and readings = 2") >= 1 && readingsOf(watch) == 2);
        assertThat(count("select count(*) from guardian.alert where person_id = " + elder + " and type = 'FALL'"))
                .isEqualTo(1);
        assertThat(jdbc.sql("select battery from guardian.device where device_id = :d").param("d", watch)
                .query(Double.class).single()).isEqualTo(81.0);

        long rejectedBefore = count("select coalesce(sum(rejected), 0) from guardian.ingest_batch where channel = 'MQTT'");
        publish("yly/telemetry/" + watch, "not json at all");
        publish("yly/telemetry/" + watch, """
                {"deviceId":"another-device","type":"SOS","at":"%s","seq":3}""".formatted(at));
        waitFor(() -> count("select coalesce(sum(rejected), 0) from guardian.ingest_batch where channel = 'MQTT'")
                >= rejectedBefore + 2);
        assertThat(count("select count(*) from guardian.alert where person_id = " + elder + " and type = 'SOS'"))
                .isZero();
    }

    private void publish(String topic, String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        device.publish(topic, message);
    }

    private long readingsOf(String deviceId) {
        return jdbc.sql("select count(*) from guardian.reading where device_id = :d").param("d", deviceId)
                .query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(100);
        }
    }
}
