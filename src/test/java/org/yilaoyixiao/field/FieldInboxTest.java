package org.yilaoyixiao.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.YearMonth;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.services.ServicesFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import org.yilaoyixiao.visits.VisitFixtures;

/**
 * The field modules' parts of the inbox, each on a hand-made example: the count rises when the work appears and falls
 * when it is done, another township's work is not counted, and a butler's tasks carry the elder's address, a number
 * to tap and the family contact.
 */
@PlatformTest
class FieldInboxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** An elder with a telephone, a household address and a son with a telephone, living in the village. */
    private long reachableElder(VisitFixtures fx, String name, String village, String economicStatus)
            throws Exception {
        long id = fx.body(fx.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","phone":"13800001234","residenceDivisionCode":"%s","localHukou":true,
                 "economicStatus":"%s","livingSituation":[]}
                """.formatted(TestIdNumbers.nextElder(), name, village, economicStatus))
                .andExpect(status().isCreated())).get("id").asLong();
        fx.send(post("/api/v1/households"), """
                {"divisionCode":"%s","address":"幸福路 8 号","members":[{"personId":%d,"relation":"HEAD"}]}
                """.formatted(village, id)).andExpect(status().isCreated());
        fx.send(post("/api/v1/persons/" + id + "/contacts"), """
                {"name":"张孝顺","relation":"SON","phone":"13900005678","emergency":true}""")
                .andExpect(status().isCreated());
        return id;
    }

    @Test
    void aButlersOverdueVisitAppearsWithAddressAndNumbersAndLeavesWhenVisited() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        FieldSessions web = new FieldSessions(mvc);
        YearMonth previous = YearMonth.from(BusinessTime.today(clock)).minusMonths(1);
        String village = fx.freshVillage();
        String butler = Accounts.create(mvc, "BUTLER", village);
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + butler + "\"}")
                .andExpect(status().isNoContent());
        // not in the target population by rule: added by hand below, so that exactly one task appears
        long elder = reachableElder(fx, "待访老人", village, "NONE");
        fx.generate(previous);

        String township = Accounts.create(mvc, "TOWNSHIP_STAFF", VisitFixtures.TOWNSHIP);
        String other = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession phone = web.logIn(butler, Accounts.PASSWORD);
        MockHttpSession clerk = web.logIn(township, Accounts.PASSWORD);
        MockHttpSession otherClerk = web.logIn(other, Accounts.PASSWORD);
        assertThat(FieldSessions.count(web.inbox(phone), "visits.inbox.mine.overdue")).isZero();
        long clerkBefore = FieldSessions.count(web.inbox(clerk), "visits.inbox.overdue");
        long otherBefore = FieldSessions.count(web.inbox(otherClerk), "visits.inbox.overdue");

        fx.send(post("/api/v1/visits/overrides"), """
                {"personId":%d,"kind":"ADD","reason":"村委会申请纳入","fromMonth":"%s"}"""
                .formatted(elder, previous)).andExpect(status().isCreated());
        fx.generate(previous);

        Document today = web.inbox(phone);
        assertThat(today.selectFirst("#inbox-title").text()).isEqualTo("今日任务");
        assertThat(FieldSessions.count(today, "visits.inbox.mine.overdue")).isEqualTo(1);
        Element task = FieldSessions.item(today, "visits.inbox.mine.overdue").selectFirst(".inbox-task");
        assertThat(task.text()).contains("待访老人").contains("幸福路 8 号").contains("张孝顺")
                .contains("探访测试村" + village.substring(9));
        assertThat(task.select("a[href=tel:13800001234]")).hasSize(1);
        assertThat(task.selectFirst("a").attr("href")).startsWith("/visits/tasks/");
        assertThat(FieldSessions.count(web.inbox(clerk), "visits.inbox.overdue")).isEqualTo(clerkBefore + 1);
        assertThat(FieldSessions.count(web.inbox(otherClerk), "visits.inbox.overdue")).isEqualTo(otherBefore);

        // the visitor's own page: the same elder, with the address and both numbers to tap
        Document mine = web.page(phone, "/visits", "zh-CN");
        assertThat(mine.select("#tasks-overdue .visit-card").text()).contains("待访老人").contains("幸福路 8 号");
        assertThat(mine.select("#tasks-overdue a[href=tel:13800001234]")).hasSize(1);
        assertThat(mine.select("#tasks-overdue a[href=tel:13900005678]")).hasSize(1);

        fx.record(elder, VisitFixtures.noon(previous, 20)).andExpect(status().isCreated());
        assertThat(FieldSessions.count(web.inbox(phone), "visits.inbox.mine.overdue")).isZero();
        assertThat(FieldSessions.count(web.inbox(clerk), "visits.inbox.overdue")).isEqualTo(clerkBefore);
    }

    @Test
    void ordersToAcceptAndToDispatchRiseAndFall() throws Exception {
        ServicesFixtures fixtures = new ServicesFixtures(mvc, json);
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        FieldSessions web = new FieldSessions(mvc);
        String butler = fixtures.butler(PlatformTest.HECHENG, ServicesFixtures.VILLAGE, "[\"CLEANING\"]");
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        String other = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        MockHttpSession phone = web.logIn(butler, Accounts.PASSWORD);
        MockHttpSession desk = web.logIn(clerk, Accounts.PASSWORD);
        MockHttpSession otherDesk = web.logIn(other, Accounts.PASSWORD);
        long deskBefore = FieldSessions.count(web.inbox(desk), "services.inbox.to-dispatch");
        long otherBefore = FieldSessions.count(web.inbox(otherDesk), "services.inbox.to-dispatch");

        long elder = reachableElder(fx, "工单老人", ServicesFixtures.VILLAGE, "NONE");
        long order = fixtures.newOrder(elder, fixtures.item("CLEAN-HOME"));
        assertThat(FieldSessions.count(web.inbox(desk), "services.inbox.to-dispatch")).isEqualTo(deskBefore + 1);
        assertThat(FieldSessions.count(web.inbox(otherDesk), "services.inbox.to-dispatch")).isEqualTo(otherBefore);
        assertThat(FieldSessions.item(web.inbox(desk), "services.inbox.to-dispatch").selectFirst("a").attr("href"))
                .isEqualTo("/services/orders?status=NEW");

        fixtures.act(order, "dispatch", "{\"butler\":\"" + butler + "\"}");
        assertThat(FieldSessions.count(web.inbox(desk), "services.inbox.to-dispatch")).isEqualTo(deskBefore);
        Document today = web.inbox(phone);
        assertThat(FieldSessions.count(today, "services.inbox.to-accept")).isEqualTo(1);
        Element task = FieldSessions.item(today, "services.inbox.to-accept").selectFirst(".inbox-task");
        assertThat(task.text()).contains("工单老人").contains("幸福路 8 号").contains("张孝顺");
        assertThat(task.select("a[href=tel:13800001234]")).hasSize(1);
        // the butler's phone page shows the same card with both numbers
        Document tasks = web.page(phone, "/services/tasks", "zh-CN");
        assertThat(tasks.select("#task-" + order + " a[href=tel:13900005678]")).hasSize(1);
        assertThat(tasks.select("#task-" + order).text()).contains("幸福路 8 号");

        fixtures.as(butler, Accounts.PASSWORD, post("/api/v1/orders/" + order + "/accept"), "{}")
                .andExpect(status().isOk());
        today = web.inbox(phone);
        assertThat(FieldSessions.count(today, "services.inbox.to-accept")).isZero();
        assertThat(FieldSessions.count(today, "services.inbox.to-do")).isEqualTo(1);
    }
}
