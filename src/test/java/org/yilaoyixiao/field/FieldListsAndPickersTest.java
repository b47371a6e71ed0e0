package org.yilaoyixiao.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
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
import org.yilaoyixiao.visits.VisitFixtures;

/**
 * The field modules' lists are paged on the server with a total, filter by division, state and dates, and go to
 * Excel for those who may export (masked ID numbers, audited); their forms take the ids the pickers put in hidden
 * fields, and say in Chinese when nobody was chosen.
 */
@PlatformTest
class FieldListsAndPickersTest {

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

    @Test
    void visitListsArePagedFilteredAndExported() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        FieldSessions web = new FieldSessions(mvc);
        YearMonth previous = YearMonth.from(BusinessTime.today(clock)).minusMonths(1);
        String village = fx.freshVillage();
        for (int i = 0; i < 3; i++) {
            fx.elder("名单老人" + i, village, "MINIMUM_LIVING", "LIVING_ALONE");
        }
        fx.generate(previous);
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", VisitFixtures.TOWNSHIP);
        MockHttpSession desk = web.logIn(clerk, Accounts.PASSWORD);

        Document overdue = web.page(desk, "/visits/overdue?division=" + village, "zh-CN");
        assertThat(overdue.select("#overdue-table tbody tr")).hasSize(3);
        assertThat(overdue.selectFirst(".pager-summary").text()).startsWith("共 3 条");
        assertThat(overdue.select("#overdue-table").text()).contains("名单老人0").contains("未分配");
        Document county = web.page(web.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD),
                "/visits/overdue", "zh-CN");
        assertThat(county.select("#overdue-table tbody tr").size()).isLessThanOrEqualTo(50);

        Document supervision = web.page(desk, "/visits/supervision?month=" + previous, "zh-CN");
        assertThat(supervision.select("#overdue-table tbody tr").size()).isLessThanOrEqualTo(10);
        assertThat(supervision.select("#change-counts a")).hasSize(2);
        Document changes = web.page(desk, "/visits/changes?division=" + village + "&month=" + previous
                + "&change=ADDED", "zh-CN");
        assertThat(changes.select("#change-table tbody tr")).hasSize(3);
        mvc.perform(get("/visits/changes?change=MAYBE").session(desk)).andExpect(status().isBadRequest());

        byte[] sheet = mvc.perform(get("/visits/targets/export?division=" + village + "&month=" + previous)
                        .session(desk).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(
                        "application/vnd.openxmlformats"))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            Sheet rows = book.getSheetAt(0);
            assertThat(rows.getLastRowNum()).isEqualTo(3);
            Row first = rows.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).startsWith("名单老人");
            assertThat(first.getCell(1).getStringCellValue()).contains("*");
            assertThat(first.getCell(3).getStringCellValue()).contains("独居");
        }
        mvc.perform(get("/visits/overdue/export?division=" + village).session(desk)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'LIST_EXPORTED' and actor = :a")
                .param("a", clerk).query(Long.class).single()).isEqualTo(2);
        String butler = Accounts.create(mvc, "BUTLER", village);
        mvc.perform(get("/visits/targets/export?division=" + village).session(web.logIn(butler, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void formsTakeTheIdsThePickersChose() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        ServicesFixtures services = new ServicesFixtures(mvc, json);
        FieldSessions web = new FieldSessions(mvc);
        String village = fx.freshVillage();
        long elder = fx.elder("选中老人", village, "NONE");
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", VisitFixtures.TOWNSHIP);
        String butler = Accounts.create(mvc, "BUTLER", VisitFixtures.TOWNSHIP);
        MockHttpSession desk = web.logIn(clerk, Accounts.PASSWORD);

        // the pickers answer by name
        assertThat(web.page(desk, "/persons/pick?category=ELDER&term=选中老人", "zh-CN")
                .select("[data-pick-value=" + elder + "]")).hasSize(1);
        // the visit target form: the hidden person id, or a reason in Chinese when nobody was chosen
        mvc.perform(post("/visits/overrides").session(desk).with(csrf()).param("kind", "ADD")
                        .param("reason", "村里申请"))
                .andExpect(flash().attribute("problems", org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("请"))));
        mvc.perform(post("/visits/overrides").session(desk).with(csrf()).param("personId", Long.toString(elder))
                .param("kind", "ADD").param("reason", "村里申请")).andExpect(flash().attribute("saved", true));
        mvc.perform(post("/visits/villages/visitor").session(desk).with(csrf()).param("visitor", butler))
                .andExpect(flash().attribute("problems", org.hamcrest.Matchers.hasItem("请从列表中选择村。")));
        mvc.perform(post("/visits/villages/visitor").session(desk).with(csrf()).param("village", village)
                .param("visitor", butler)).andExpect(flash().attribute("saved", true));
        assertThat(jdbc.sql("select visitor from visits.village_visitor where village_code = :v")
                .param("v", village).query(String.class).single()).isEqualTo(butler);

        // service intake: the elder chosen in the picker, or a reason in Chinese
        long item = services.item("CLEAN-HOME");
        String hecheng = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession centre = web.logIn(hecheng, Accounts.PASSWORD);
        long person = services.elder("受理选中老人");
        String refused = mvc.perform(post("/services/intake").session(centre).with(csrf())
                        .param("itemId", Long.toString(item)).param("channel", "PHONE")
                        .param("idempotencyKey", UUID.randomUUID().toString()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("请从列表中选中老人");
        String location = mvc.perform(post("/services/intake").session(centre).with(csrf())
                        .param("personId", Long.toString(person)).param("itemId", Long.toString(item))
                        .param("channel", "PHONE").param("idempotencyKey", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/services/orders/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long order = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // dispatch to a butler chosen in the user picker; the history names people, not accounts or codes
        String teamButler = services.butler(PlatformTest.HECHENG, ServicesFixtures.VILLAGE, "[\"CLEANING\"]");
        mvc.perform(post("/services/orders/" + order + "/dispatch").session(centre).with(csrf())
                .param("butler", teamButler)).andExpect(status().is3xxRedirection());
        Document page = web.page(centre, "/services/orders/" + order, "zh-CN");
        assertThat(page.selectFirst("#assignee").text()).isEqualTo("测试用户");
        assertThat(page.select("#history").text()).contains("电话求助").contains("派给 测试用户")
                .doesNotContain(hecheng).doesNotContain(teamButler).doesNotContain("PHONE");
        Document orders = web.page(centre, "/services/orders?status=DISPATCHED", "zh-CN");
        assertThat(orders.select("#order-list tbody tr").size()).isBetween(1, 50);
        mvc.perform(get("/services/orders?status=NOPE").session(centre)).andExpect(status().isBadRequest());

        // an activity in a village chosen in the division picker
        mvc.perform(post("/timebank/activities").session(desk).with(csrf()).param("title", "重阳敬老活动")
                        .param("divisionCode", village).param("heldOn", BusinessTime.today(clock).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/timebank/activities/*"));
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + butler + "\"}")
                .andExpect(status().isNoContent());
    }
}
