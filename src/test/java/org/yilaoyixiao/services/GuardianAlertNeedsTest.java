package org.yilaoyixiao.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/** An SOS from a guardian device raises one emergency service order for the elder. */
@PlatformTest
class GuardianAlertNeedsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anSosRaisesOneEmergencyOrder() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("呼叫派单");
        String button = "sos-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"SOS_BUTTON","personId":%d}""".formatted(button, elder))
                .andExpect(status().isCreated());
        String key = fixtures.body(fixtures.send(post("/api/v1/guardian/gateways"), "{}")).get("apiKey").asString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
        for (int seq = 1; seq <= 2; seq++) {
            mvc.perform(post("/api/v1/guardian/telemetry").header("X-Api-Key", key)
                            .contentType(MediaType.APPLICATION_JSON).content(
                                    "[{\"deviceId\":\"%s\",\"type\":\"SOS\",\"at\":\"%s\",\"seq\":%d}]"
                                            .formatted(button, at.plusSeconds(seq), seq)))
                    .andExpect(status().isAccepted());
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (orders(elder) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertThat(orders(elder)).isEqualTo(1);
    }

    private int orders(long person) {
        return jdbc.sql("select count(*) from services.service_order where person_id = :p and channel = 'GUARDIAN_ALERT'")
                .param("p", person).query(Integer.class).single();
    }
}
