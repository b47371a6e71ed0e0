package org.yilaoyixiao.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The services management pages (issue 19): the menu and its prices, butler teams and their members, and what a
 * dispatch does — refused in words for a team with nobody in it, and telling the butler once in the app and by SMS.
 */
@PlatformTest
class ButlerTeamPagesTest {

    /** A township and a village no other services test uses. */
    static final String TOWNSHIP = "331121003";
    static final String VILLAGE = "331121003901";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private MockHttpSession logIn(String user) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", user).param("password", Accounts.PASSWORD)
                .with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private long newTeam(MockHttpSession session, String name) throws Exception {
        String location = mvc.perform(post("/services/teams").session(session).with(csrf()).param("name", name)
                        .param("township", TOWNSHIP))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/services/teams/");
        return Long.parseLong(location.substring("/services/teams/".length()));
    }

    private long count(String sql, Object... args) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < args.length; i++) {
            statement = statement.param(i + 1, args[i]);
        }
        return statement.query(Long.class).single();
    }

    @Test
    void aTownshipClerkStaffsATeamAndItsDispatchTellsTheButlerOnceInTheAppAndBySms() throws Exception {
        ServicesFixtures fixtures = new ServicesFixtures(mvc, json);
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", TOWNSHIP);
        String butler = Accounts.create(mvc, "BUTLER", TOWNSHIP);
        String otherButler = Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG);
        MockHttpSession session = logIn(clerk);

        long team = newTeam(session, "页面测试服务队" + System.nanoTime() % 10000);
        mvc.perform(get("/services/teams/" + team).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该服务队还没有队员")))
                .andExpect(content().string(containsString("/users/pick?role=BUTLER")));

        // refusals in words, nothing saved: nobody chosen, a bad number, a butler of another township
        mvc.perform(post("/services/teams/" + team + "/members").session(session).with(csrf())
                        .header("Accept-Language", "zh-CN").param("phone", "13800000000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请从列表中选中一名养老管家")));
        mvc.perform(post("/services/teams/" + team + "/members").session(session).with(csrf())
                        .header("Accept-Language", "zh-CN").param("username", butler).param("phone", "12345"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("手机号格式不对")));
        mvc.perform(post("/services/teams/" + team + "/members").session(session).with(csrf())
                        .header("Accept-Language", "zh-CN").param("username", otherButler))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能加入本队")));
        assertThat(count("select count(*) from services.team_member where team_id = ?", team)).isZero();

        mvc.perform(post("/services/teams/" + team + "/members").session(session).with(csrf())
                        .param("username", butler).param("skills", "CLEANING", "MEDICAL").param("phone", "13912345678"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/services/teams/" + team).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("助洁")))
                .andExpect(content().string(containsString("13912345678")))
                .andExpect(content().string(not(containsString("该服务队还没有队员"))));
        assertThat(count("select count(*) from audit.audit_event where type = 'SERVICE_TEAM_MEMBER_SET'"
                + " and target = ?", "butler-team:" + team)).isEqualTo(1);

        // dispatched from the order page to the butler: one in-app message and one SMS, even if the form is sent twice
        long person = fixtures.elderIn("派单通知老人", VILLAGE);
        long order = fixtures.newOrder(person, fixtures.item("CLEAN-HOME"));
        mvc.perform(get("/services/orders/" + order).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"" + butler + "\"")));
        mvc.perform(post("/services/orders/" + order + "/dispatch").session(session).with(csrf())
                        .param("butler", butler).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/services/orders/" + order + "/dispatch").session(session).with(csrf())
                        .header("Accept-Language", "zh-CN").param("butler", butler).param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已被他人修改")));
        String reference = "service-order:" + order;
        assertThat(count("select count(*) from notifications.message where reference = ? and channel = 'IN_APP'"
                + " and recipient = ?", reference, "user:" + butler)).isEqualTo(1);
        assertThat(count("select count(*) from notifications.message where reference = ? and channel = 'SMS'"
                + " and recipient = '13912345678'", reference)).isEqualTo(1);
        assertThat(jdbc.sql("select body from notifications.message where reference = ? and channel = 'SMS'")
                .param(1, reference).query(String.class).single()).contains("居家保洁").doesNotContain("派单通知老人");

        // the butler reads it under 消息, in words, with the elder's name, and it opens the task
        MockHttpSession phone = logIn(butler);
        mvc.perform(get("/notifications").session(phone).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("新工单：居家保洁")))
                .andExpect(content().string(containsString("派单通知老人")))
                .andExpect(content().string(containsString("/services/tasks#task-" + order)));
        // the order page, for the butler, has the numbers to call
        mvc.perform(get("/services/orders/" + order).session(phone).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"order-address\"")));

        // a re-dispatch is a new dispatch: told again, once
        fixtures.act(order, "dispatch", "{\"butler\":\"" + butler + "\"}").andExpect(status().isOk());
        assertThat(count("select count(*) from notifications.message where reference = ? and channel = 'IN_APP'",
                reference)).isEqualTo(2);
    }

    @Test
    void aDispatchToATeamWithNobodyInItIsRefusedInWordsAndTheOrderPageSaysSoBefore() throws Exception {
        ServicesFixtures fixtures = new ServicesFixtures(mvc, json);
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", TOWNSHIP);
        MockHttpSession session = logIn(clerk);
        String name = "空服务队" + System.nanoTime() % 10000;
        long team = newTeam(session, name);
        // the team offers cleaning in its township, as the demo's teams do
        long provider = jdbc.sql("insert into services.provider (kind, name, division_code, team_id)"
                + " values ('BUTLER_TEAM', ?, ?, ?) returning id").param(1, name).param(2, TOWNSHIP).param(3, team)
                .query(Long.class).single();
        jdbc.sql("insert into services.provider_item (provider_id, item_id) values (?, ?)").param(1, provider)
                .param(2, fixtures.item("CLEAN-HOME")).update();
        long person = fixtures.elderIn("空队老人", VILLAGE);
        long order = fixtures.newOrder(person, fixtures.item("CLEAN-HOME"));
        mvc.perform(get("/services/orders/" + order).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该队还没有队员，不能派单")));
        fixtures.act(order, "dispatch", "{\"providerId\":" + provider + "}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("还没有队员")));
        mvc.perform(post("/services/orders/" + order + "/dispatch").session(session).with(csrf())
                        .header("Accept-Language", "zh-CN").param("providerId", Long.toString(provider)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("派单无人接收")));
        assertThat(fixtures.get(order).get("status").asString()).isEqualTo("NEW");
        assertThat(count("select count(*) from notifications.message where reference = ?", "service-order:" + order))
                .isZero();
        mvc.perform(get("/services/teams").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("无队员")));
    }

    @Test
    void aTeamOfAnotherTownshipIsNotFoundAndAClerkWithoutThePermissionCannotChangeIt() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", TOWNSHIP);
        long team = newTeam(logIn(clerk), "他镇服务队" + System.nanoTime() % 10000);
        MockHttpSession other = logIn(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG));
        mvc.perform(get("/services/teams/" + team).session(other)).andExpect(status().isNotFound());
        mvc.perform(post("/services/teams/" + team + "/villages").session(other).with(csrf())
                .param("village", VILLAGE)).andExpect(status().isNotFound());
        MockHttpSession butler = logIn(Accounts.create(mvc, "BUTLER", TOWNSHIP));
        mvc.perform(post("/services/teams/" + team + "/members").session(butler).with(csrf())
                .param("username", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/services/teams").param("page", "abc").session(butler)).andExpect(status().isBadRequest());
    }

    @Test
    void aBureauClerkAddsAnItemAndChangesItsPriceWithRefusalsInWords() throws Exception {
        MockHttpSession session = logIn(Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY));
        mvc.perform(get("/services/menu").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("送餐上门")))
                .andExpect(content().string(containsString("新增服务项目")));
        String code = "TEST-" + System.nanoTime() % 100000;
        mvc.perform(post("/services/menu").session(session).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("code", code).param("category", "MEALS").param("name", "测试午餐")
                        .param("unit", "份").param("price", "十二元"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("价格须为不小于 0 的金额")))
                .andExpect(content().string(containsString("请选择提供该服务的区域")))
                .andExpect(content().string(containsString("测试午餐")));
        mvc.perform(post("/services/menu").session(session).with(csrf())
                        .param("code", code).param("category", "MEALS").param("name", "测试午餐")
                        .param("unit", "份").param("price", "12.5").param("division", TOWNSHIP))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from services.service_item where code = ?").param(1, code).query(Long.class)
                .single();
        mvc.perform(post("/services/menu/" + id + "/price").session(session).with(csrf())
                .param("price", "13")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select price from services.service_item where id = ?").param(1, id)
                .query(BigDecimal.class).single()).isEqualByComparingTo("13.00");
        mvc.perform(post("/services/menu/" + id + "/available").session(session).with(csrf())
                .param("remove", TOWNSHIP).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("至少要在一个区域提供")));
        assertThat(count("select count(*) from audit.audit_event where target = ? and type in"
                + " ('SERVICE_ITEM_ADDED', 'SERVICE_ITEM_REPRICED')", "service-item:" + code)).isEqualTo(2);

        // a township clerk reads the menu but may not change it
        MockHttpSession township = logIn(Accounts.create(mvc, "TOWNSHIP_STAFF", TOWNSHIP));
        mvc.perform(get("/services/menu").session(township)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("新增服务项目"))));
        mvc.perform(post("/services/menu/" + id + "/price").session(township).with(csrf()).param("price", "1"))
                .andExpect(status().isForbidden());
        assertThat(List.of(id)).isNotEmpty();
    }
}
