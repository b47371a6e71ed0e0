package org.yilaoyixiao.visits;

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

/** A guardian alert plans a follow-up visit; a device going offline does not. */
@PlatformTest
class GuardianFollowUpTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFallPlansAFollowUpVisit() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("跌倒回访");
        String watch = "fall-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"FALL_DETECTOR","personId":%d}""".formatted(watch, elder))
                .andExpect(status().isCreated());
        String key = fixtures.body(fixtures.send(post("/api/v1/guardian/gateways"), "{}")).get("apiKey").asString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        mvc.perform(post("/api/v1/guardian/telemetry").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"deviceId\":\"%s\",\"type\":\"FALL\",\"at\":\"%s\",\"seq\":1}]".formatted(watch, at)))
                .andExpect(status().isAccepted());

        long deadline = System.currentTimeMillis() + 20_000;
        while (followUps(elder) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(followUps(elder)).isEqualTo(1);
        assertThat(jdbc.sql("select kind from visits.major_event where person_id = :p").param("p", elder)
                .query(String.class).single()).isEqualTo("ALERT");
    }

    private int followUps(long person) {
        return jdbc.sql("select count(*) from visits.task where person_id = :p and kind = 'FOLLOW_UP'")
                .param("p", person).query(Integer.class).single();
    }
}
