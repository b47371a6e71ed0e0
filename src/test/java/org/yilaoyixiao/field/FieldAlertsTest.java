package org.yilaoyixiao.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.visits.VisitFixtures;

/**
 * A guardian alert as the people of its village and township see it: in the butler's 今日任务 with the reason in
 * words and a number to call, counted for the township clerk until acknowledged (never for another township), and
 * its message and detail page in the reader's language — Chinese or English, never the detector's English line.
 */
@PlatformTest
class FieldAlertsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anSosAlertReachesTheVillagesButlerAndTheTownshipInTheirLanguage() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        FieldSessions web = new FieldSessions(mvc);
        String village = fx.freshVillage();
        long elder = fx.body(fx.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"呼叫老人","phone":"13700002468","residenceDivisionCode":"%s",
                 "localHukou":true,"livingSituation":[]}
                """.formatted(org.yilaoyixiao.support.TestIdNumbers.nextElder(), village))
                .andExpect(status().isCreated())).get("id").asLong();
        String butler = Accounts.create(mvc, "BUTLER", village);
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", VisitFixtures.TOWNSHIP);
        String other = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession phone = web.logIn(butler, Accounts.PASSWORD);
        MockHttpSession desk = web.logIn(clerk, Accounts.PASSWORD);
        MockHttpSession otherDesk = web.logIn(other, Accounts.PASSWORD);
        long deskBefore = FieldSessions.count(web.inbox(desk), "guardian.inbox.unacknowledged");
        long otherBefore = FieldSessions.count(web.inbox(otherDesk), "guardian.inbox.unacknowledged");
        assertThat(FieldSessions.count(web.inbox(phone), "guardian.inbox.open")).isZero();

        String key = fx.body(fx.send(post("/api/v1/guardian/gateways"), "{}")).get("apiKey").asString();
        String button = "sos_button-" + UUID.randomUUID().toString().substring(0, 8);
        fx.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"SOS_BUTTON","personId":%d}""".formatted(button, elder))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/guardian/telemetry").header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"deviceId":"%s","type":"SOS","at":"%s","seq":1}]""".formatted(button,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20))))
                .andExpect(status().isAccepted());
        long alert = jdbc.sql("select id from guardian.alert where person_id = :p and type = 'SOS'")
                .param("p", elder).query(Long.class).single();

        Document today = web.inbox(phone);
        assertThat(FieldSessions.count(today, "guardian.inbox.open")).isEqualTo(1);
        Element task = FieldSessions.item(today, "guardian.inbox.open").selectFirst(".inbox-task");
        assertThat(task.text()).contains("呼叫老人").contains("老人按下了一键呼叫按钮");
        assertThat(task.select("a[href=tel:13700002468]")).hasSize(1);
        assertThat(task.selectFirst("a").attr("href")).isEqualTo("/guardian/alerts/" + alert);
        assertThat(FieldSessions.count(web.inbox(desk), "guardian.inbox.unacknowledged")).isEqualTo(deskBefore + 1);
        assertThat(FieldSessions.count(web.inbox(otherDesk), "guardian.inbox.unacknowledged"))
                .isEqualTo(otherBefore);

        // the detail page and the village's message: in words, in the reader's language
        Document detail = web.page(phone, "/guardian/alerts/" + alert, "zh-CN");
        assertThat(detail.selectFirst("#alert-reason").text()).isEqualTo("老人按下了一键呼叫按钮。");
        assertThat(detail.text()).doesNotContain("button pressed").doesNotContain("system");
        Document english = web.page(phone, "/guardian/alerts/" + alert, "en");
        assertThat(english.selectFirst("#alert-reason").text()).isEqualTo("The elder pressed the emergency button.");
        Document messages = web.page(phone, "/notifications", "zh-CN");
        Element message = messages.select("#messages li").stream()
                .filter(li -> li.text().contains("呼叫老人")).findFirst().orElseThrow();
        assertThat(message.text()).contains("【银龄卫士】呼叫老人 一键呼叫").contains("老人按下了一键呼叫按钮")
                .doesNotContain("pressed");
        assertThat(message.select("a[href=/guardian/alerts/" + alert + "]")).hasSize(1);
        Element englishMessage = web.page(phone, "/notifications", "en").select("#messages li").stream()
                .filter(li -> li.text().contains("呼叫老人")).findFirst().orElseThrow();
        assertThat(englishMessage.text()).contains("[Silver guardian]").contains("pressed the emergency button");

        fx.send(post("/api/v1/guardian/alerts/" + alert + "/acknowledge"), "{\"note\":\"已电话联系\"}", clerk,
                Accounts.PASSWORD).andExpect(status().isOk());
        assertThat(FieldSessions.count(web.inbox(desk), "guardian.inbox.unacknowledged")).isEqualTo(deskBefore);
        // acknowledged is not closed: the butler still has it until it is resolved
        assertThat(FieldSessions.count(web.inbox(phone), "guardian.inbox.open")).isEqualTo(1);
        Document history = web.page(desk, "/guardian/alerts/" + alert, "zh-CN");
        assertThat(history.select("#alert-history").text()).contains("测试用户").contains("已电话联系")
                .doesNotContain("admin");
    }

    @Test
    void anOldMessageWithTheDetectorsEnglishIsShownWithoutIt() throws Exception {
        FieldSessions web = new FieldSessions(mvc);
        String village = new VisitFixtures(mvc, json, divisions).freshVillage();
        // as written before messages carried keys; the migration of issue 18 gave such rows a key and a link
        jdbc.sql("""
                insert into notifications.message (channel, recipient, subject, body, reference, idempotency_key,
                    status, body_key, link)
                values ('IN_APP', :r, '【银龄卫士】旧消息老人 一键呼叫', 'SOS button pressed on sos-1', 'guardian-alert:1',
                    :k, 'SENT', 'notifications.guardian-alert.body', '/guardian/alerts/1')
                """).param("r", "division:" + village).param("k", UUID.randomUUID().toString()).update();
        String butler = Accounts.create(mvc, "BUTLER", village);
        Document page = web.page(web.logIn(butler, Accounts.PASSWORD), "/notifications", "zh-CN");
        assertThat(page.select("#messages").text()).contains("旧消息老人").contains("请打开告警查看")
                .doesNotContain("pressed");
    }
}
