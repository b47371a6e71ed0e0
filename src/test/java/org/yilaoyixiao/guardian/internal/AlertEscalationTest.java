package org.yilaoyixiao.guardian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;
import tools.jackson.databind.ObjectMapper;

/**
 * An unacknowledged fraud alert escalates on timers: the village and the police at once, the family abroad by SMS
 * after one step; acknowledging stops the chain. The police endpoint is a real local HTTP server.
 */
@PlatformTest
class AlertEscalationTest {

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
    org.yilaoyixiao.notifications.Notifications notifications;

    private HttpServer police;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void policeEndpoint() throws IOException {
        police = HttpServer.create(new InetSocketAddress("127.0.0.1", 18099), 0);
        police.createContext("/police", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        police.start();
    }

    @AfterEach
    void stop() {
        police.stop(0);
        ((TestClock) clock).reset();
    }

    private List<String> messages(long alert, String channel) {
        return jdbc.sql("select recipient || ' ' || status from notifications.message where reference = :r"
                        + " and channel = :c order by id").param("r", "guardian-alert:" + alert).param("c", channel)
                .query(String.class).list();
    }

    private int dispatch() {
        return org.yilaoyixiao.notifications.internal.OutboxAccess.dispatch(notifications);
    }

    @Test
    void aFraudAlertGoesToTheVillageAndThePoliceThenTheFamilyAndStopsWhenAcknowledged() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("升级老人");
        // the village's care butler, in a butler team covering the elder's village (services module)
        String butler = new org.yilaoyixiao.services.ServicesFixtures(mvc, json).butler("331121001",
                PlacementFixtures.VILLAGE, "[]");
        fixtures.send(post("/api/v1/persons/" + elder + "/contacts"), """
                {"name":"叶儿子","relation":"SON","phone":"+393331234567","countryCode":"IT",
                 "timeZone":"Europe/Rome","emergency":true}""").andExpect(status().isCreated());
        String key = fixtures.body(fixtures.send(post("/api/v1/guardian/gateways"), "{}")).get("apiKey").asString();
        mvc.perform(post("/api/v1/guardian/transactions").header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"personId":%d,"accountRef":"esc-%d","amount":30000,"counterparty":"安全账户",
                          "channel":"MOBILE","at":"%s","seq":1}]""".formatted(elder, elder,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30))))
                .andExpect(status().isAccepted());
        long alert = jdbc.sql("select id from guardian.alert where person_id = :p and type = 'FRAUD'")
                .param("p", elder).query(Long.class).single();

        // step 1, with the alert: the elder's care butler(s) and the village (in-app) and the police (webhook)
        assertThat(messages(alert, "IN_APP")).contains("user:" + butler + " SENT")
                .contains("division:" + PlacementFixtures.VILLAGE + " SENT")
                .allMatch(m -> m.startsWith("user:") || m.equals("division:" + PlacementFixtures.VILLAGE + " SENT"));
        int stepOneMessages = messages(alert, "IN_APP").size();
        assertThat(messages(alert, "WEBHOOK")).containsExactly("police PENDING");
        dispatch();
        assertThat(messages(alert, "WEBHOOK")).containsExactly("police SENT");
        // other tests' alerts may be in the outbox too: look at this alert's messages only
        assertThat(receivedFor(alert)).singleElement().satisfies(body -> assertThat(body).contains("升级老人")
                .contains("疑似被诈骗"));

        // nobody acknowledged within a step: the son in Italy gets an SMS (the local gateway, as none is configured)
        ((TestClock) clock).advance(Duration.ofMinutes(11));
        sweeper.sweep();
        sweeper.sweep();
        assertThat(messages(alert, "SMS")).containsExactly("+393331234567 PENDING");
        dispatch();
        assertThat(messages(alert, "SMS")).containsExactly("+393331234567 SENT");

        // acknowledged: the township is never bothered
        fixtures.send(post("/api/v1/guardian/alerts/" + alert + "/acknowledge"), "{\"note\":\"已联系银行\"}")
                .andExpect(status().isOk());
        ((TestClock) clock).advance(Duration.ofMinutes(11));
        sweeper.sweep();
        assertThat(messages(alert, "IN_APP")).hasSize(stepOneMessages);
        assertThat(receivedFor(alert)).hasSize(1);
    }

    private List<String> receivedFor(long alert) {
        return received.stream().filter(body -> body.contains("\"guardian-alert:" + alert + "\"")).toList();
    }
}
