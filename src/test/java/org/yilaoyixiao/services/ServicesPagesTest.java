package org.yilaoyixiao.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class ServicesPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private MockHttpSession logIn(String user, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", user).param("password", password)
                .with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void aCentreTakesAnOrderByPhoneOnceEvenWhenTheFormIsSentTwice() throws Exception {
        ServicesFixtures fixtures = new ServicesFixtures(mvc, json);
        String name = "页面受理" + System.nanoTime() % 10000;
        long person = fixtures.elder(name);
        String staff = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession session = logIn(staff, Accounts.PASSWORD);

        mvc.perform(get("/services/intake").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("查找老人")));
        mvc.perform(get("/persons/pick").param("category", "ELDER").param("term", name).session(session)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/services/intake").param("personId", Long.toString(person)).session(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("助洁")))
                .andExpect(content().string(containsString("电话求助")));

        String key = UUID.randomUUID().toString();
        long item = fixtures.item("CLEAN-HOME");
        String first = mvc.perform(post("/services/intake").session(session).with(csrf())
                        .param("personId", Long.toString(person)).param("itemId", Long.toString(item))
                        .param("channel", "PHONE").param("requestedFor", "2026-11-30T09:00").param("quantity", "2")
                        .param("idempotencyKey", key))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(post("/services/intake").session(session).with(csrf())
                        .param("personId", Long.toString(person)).param("itemId", Long.toString(item))
                        .param("channel", "PHONE").param("requestedFor", "2026-11-30T09:00").param("quantity", "2")
                        .param("idempotencyKey", key))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first).startsWith("/services/orders/");
        assertThat(jdbc.sql("select count(*) from services.service_order where idempotency_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(get(first).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("待派单")))
                .andExpect(content().string(containsString("派单建议")))
                .andExpect(content().string(containsString("70.00")));
        // a missing item is a refusal on the form, in Chinese
        mvc.perform(post("/services/intake").session(session).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("personId", Long.toString(person)).param("channel", "PHONE")
                        .param("idempotencyKey", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("此项必填")));
    }

    @Test
    void theButlersPhonePageAndTheSupervisorsBoard() throws Exception {
        ServicesFixtures fixtures = new ServicesFixtures(mvc, json);
        String butler = fixtures.butler(PlatformTest.HECHENG, ServicesFixtures.VILLAGE, "[\"MEDICAL\"]");
        long person = fixtures.elder("手机页老人");
        long order = fixtures.newOrder(person, fixtures.item("MED-CHECK"));
        fixtures.act(order, "dispatch", "{\"butler\":\"" + butler + "\"}");
        MockHttpSession phone = logIn(butler, Accounts.PASSWORD);
        mvc.perform(get("/services/tasks").session(phone).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("手机页老人")))
                .andExpect(content().string(containsString("接单")));
        mvc.perform(post("/services/tasks/" + order + "/accept").session(phone).with(csrf())
                        .header("HX-Request", "true").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到")))
                .andExpect(content().string(not(containsString("<html"))));
        // a refused step shows on the card, the order unchanged
        mvc.perform(post("/services/tasks/" + order + "/check-out").session(phone).with(csrf())
                        .header("HX-Request", "true").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能执行")));
        assertThat(fixtures.get(order).get("status").asString()).isEqualTo("ACCEPTED");

        MockHttpSession admin = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(get("/services/board").session(admin).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("超时工单")))
                .andExpect(content().string(containsString("随机抽查")))
                .andExpect(content().string(containsString("/services/orders/" + order)));
        mvc.perform(get("/services/board").session(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Late orders")));
        // a butler has no intake and no spot-check draw
        mvc.perform(get("/services/board").session(phone)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("draw-sample"))));
        String auditor = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        mvc.perform(get("/services/intake").session(logIn(auditor, Accounts.PASSWORD))).andExpect(status().isForbidden());
    }
}
