package org.yilaoyixiao.guardian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@PlatformTest
class GuardianApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TimerSweeper sweeper;

    @Autowired
    org.yilaoyixiao.guardian.detection.Detectors detectors;

    PlacementFixtures fixtures;
    String apiKey;

    @BeforeEach
    void gateway() throws Exception {
        fixtures = new PlacementFixtures(mvc, json);
        apiKey = fixtures.body(fixtures.send(post("/api/v1/guardian/gateways"), "{\"name\":\"测试网关\"}")
                .andExpect(status().isCreated())).get("apiKey").asString();
    }

    @AfterEach
    void realTime() {
        ((TestClock) clock).reset();
    }

    private String device(long person, String type) throws Exception {
        String id = type.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"%s","personId":%d}""".formatted(id, type, person))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.deviceId").value(id));
        return id;
    }

    private ResultActions send(String key, String body) throws Exception {
        var request = post("/api/v1/guardian/telemetry").contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return mvc.perform(request);
    }

    private static String reading(String device, String type, Instant at, long seq) {
        return "{\"deviceId\":\"%s\",\"type\":\"%s\",\"at\":\"%s\",\"seq\":%d}".formatted(device, type, at, seq);
    }

    private JsonNode alerts(long person, String type) throws Exception {
        return fixtures.body(fixtures.get("/api/v1/guardian/alerts?personId=" + person + "&type=" + type)
                .andExpect(status().isOk())).get("items");
    }

    @Test
    void telemetryNeedsAValidGatewayKey() throws Exception {
        long elder = fixtures.elder("卫士甲");
        String sos = device(elder, "SOS_BUTTON");
        String body = "[" + reading(sos, "HEARTBEAT", Instant.now(), 1) + "]";
        send(null, body).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        send(apiKey.substring(0, apiKey.length() - 2) + "xx", body).andExpect(status().isUnauthorized());
        send(apiKey, body).andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
        // the key is stored only as a hash
        assertThat(jdbc.sql("select count(*) from guardian.gateway where key_hash = convert_to(:k, 'UTF8')")
                .param("k", apiKey).query(Integer.class).single()).isZero();
    }

    @Test
    void everyReadingIsAccountedForAndBadOnesDoNotStopTheBatch() throws Exception {
        long elder = fixtures.elder("卫士乙");
        String water = device(elder, "WATER_METER");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String batch = "[" + String.join(",",
                reading(water, "WATER", now.minusSeconds(600), 10),
                reading(water, "WATER", now.minusSeconds(300), 11),
                reading(water, "WATER", now.minusSeconds(300), 11),
                reading("no-such-device", "WATER", now, 1),
                "{\"deviceId\":\"%s\",\"type\":\"LOCATION\",\"at\":\"%s\",\"seq\":12,\"lat\":28.1,\"lon\":120.3}"
                        .formatted(water, now),
                "{\"deviceId\":\"%s\",\"type\":\"WATER\",\"at\":\"yesterday\",\"seq\":13}".formatted(water),
                reading(water, "WATER", now.plus(Duration.ofHours(2)), 14),
                "{\"deviceId\":\"%s\",\"type\":\"WATER\",\"at\":\"%s\"}".formatted(water, now)) + "]";
        send(apiKey, batch).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(5))
                .andExpect(jsonPath("$.rejected[0].index").value(3))
                .andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.startsWith("UNKNOWN_DEVICE")))
                .andExpect(jsonPath("$.rejected[1].reason").value(org.hamcrest.Matchers.startsWith("WRONG_TYPE")))
                .andExpect(jsonPath("$.rejected[2].reason").value(org.hamcrest.Matchers.startsWith("AT:")))
                .andExpect(jsonPath("$.rejected[3].reason").value(org.hamcrest.Matchers.startsWith("AT_FUTURE")))
                .andExpect(jsonPath("$.rejected[4].reason").value(org.hamcrest.Matchers.startsWith("SEQ")));
        // resent (a gateway that did not see the answer): nothing new, all duplicates
        send(apiKey, batch).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(3));
        assertThat(jdbc.sql("select count(*) from guardian.reading where device_id = :d").param("d", water)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from guardian.ingest_batch where accepted + duplicates + rejected <> readings")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anSosOpensOneAlertThatIsAcknowledgedAndResolved() throws Exception {
        long elder = fixtures.elder("卫士丙");
        String button = device(elder, "SOS_BUTTON");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(apiKey, "[" + reading(button, "SOS", now.minusSeconds(30), 1) + "]").andExpect(status().isAccepted());
        send(apiKey, "[" + reading(button, "SOS", now.minusSeconds(10), 2) + "]").andExpect(status().isAccepted());
        JsonNode open = alerts(elder, "SOS");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get(0).get("triggerCount").asInt()).isEqualTo(2);
        long id = open.get(0).get("id").asLong();

        fixtures.send(post("/api/v1/guardian/alerts/" + id + "/resolve"), "{\"note\":\"x\"}")
                .andExpect(status().isOk());
        fixtures.send(post("/api/v1/guardian/alerts/" + id + "/acknowledge"), "{\"note\":\"已电话联系\"}")
                .andExpect(status().isConflict());
        send(apiKey, "[" + reading(button, "SOS", now, 3) + "]").andExpect(status().isAccepted());
        JsonNode again = alerts(elder, "SOS");
        assertThat(again).hasSize(2);
        long second = again.get(0).get("id").asLong();
        fixtures.send(post("/api/v1/guardian/alerts/" + second + "/acknowledge"), "{\"note\":\"管家已出发\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        fixtures.send(post("/api/v1/guardian/alerts/" + second + "/resolve"),
                        "{\"note\":\"误按\",\"falseAlarm\":true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FALSE_ALARM"))
                .andExpect(jsonPath("$.history.length()").value(3));
        // each incident once on the elder's timeline
        String timeline = fixtures.get("/api/v1/persons/" + elder + "/timeline").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(timeline.split("银龄卫士警报：一键呼叫", -1)).hasSize(3);
    }

    @Test
    void anInactivityTimerSurvivesARestartAndFiresOnce() throws Exception {
        long elder = fixtures.elder("卫士丁");
        String door = device(elder, "DOOR_SENSOR");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(apiKey, "[" + reading(door, "DOOR", now.minusSeconds(60), 1) + "]").andExpect(status().isAccepted());
        assertThat(jdbc.sql("select count(*) from guardian.detector_timer where timer_key = :k")
                .param("k", "inactive:" + elder).query(Integer.class).single()).isEqualTo(1);

        detectors.forgetAll();
        ((TestClock) clock).advance(Duration.ofDays(2));
        sweeper.sweep();
        sweeper.sweep();
        JsonNode alerts = alerts(elder, "HOME_INACTIVITY");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("triggerCount").asInt()).isEqualTo(1);
        assertThat(alerts.get(0).get("details").asString()).contains("no sign of life at home since");
        assertThat(jdbc.sql("select count(*) from guardian.detector_timer where timer_key = :k")
                .param("k", "inactive:" + elder).query(Integer.class).single()).isZero();
        // the silent door sensor is offline too, once
        assertThat(alerts(elder, "DEVICE_OFFLINE")).hasSize(1);
    }

    @Test
    void partnerBankTransfersAreJudgedAgainstTheElderOwnHistoryOnce() throws Exception {
        long elder = fixtures.elder("卫士戊");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder usual = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            usual.append(i == 0 ? "" : ",").append("""
                    {"personId":%d,"accountRef":"acct-%d","amount":%d,"counterparty":"女儿","channel":"MOBILE",
                     "at":"%s","seq":%d}""".formatted(elder, elder, 900 + i * 50, now.minus(Duration.ofDays(30 - i * 3)), i));
        }
        usual.append("]");
        transfers(usual.toString()).andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(6));
        assertThat(alerts(elder, "FRAUD")).isEmpty();

        String suspicious = """
                [{"personId":%d,"accountRef":"acct-%d","amount":48000,"counterparty":"安全账户","channel":"COUNTER",
                  "at":"%s","seq":100},
                 {"personId":%d,"accountRef":"acct-%d","amount":-5,"counterparty":"x","channel":"MOBILE",
                  "at":"%s","seq":101}]""".formatted(elder, elder, now.minusSeconds(60), elder, elder, now);
        transfers(suspicious).andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.startsWith("AMOUNT")));
        transfers(suspicious).andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));
        JsonNode fraud = alerts(elder, "FRAUD");
        assertThat(fraud).hasSize(1);
        assertThat(fraud.get(0).get("triggerCount").asInt()).isEqualTo(1);
        assertThat(fraud.get(0).get("details").asString()).contains("large for this elder")
                .contains("first transfer to a new counterparty");
        mvc.perform(post("/api/v1/guardian/transactions").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isUnauthorized());
    }

    private ResultActions transfers(String body) throws Exception {
        return mvc.perform(post("/api/v1/guardian/transactions").header("X-Api-Key", apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
