package org.yilaoyixiao.services;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** Elders, butlers, teams and orders made through the public APIs, for services tests and journeys. */
public final class ServicesFixtures {

    /** A synthetic demo village of 鹤城街道. */
    public static final String VILLAGE = "331121001901";

    private final MockMvc mvc;
    private final ObjectMapper json;

    public ServicesFixtures(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public ResultActions as(String user, String password, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                            String body) throws Exception {
        request = request.with(httpBasic(user, password)).header("Accept-Language", "zh-CN");
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    public ResultActions admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               String body) throws Exception {
        return as(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, request, body);
    }

    public JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    public long elder(String name) throws Exception {
        return elderIn(name, VILLAGE);
    }

    public long elderIn(String name, String village) throws Exception {
        return body(admin(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,"livingSituation":[]}
                """.formatted(TestIdNumbers.nextElder(), name, village))).get("id").asLong();
    }

    /** The demo menu's item id for a code. */
    public long item(String code) throws Exception {
        for (JsonNode item : body(admin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/service-items"), null))) {
            if (item.get("code").asString().equals(code)) {
                return item.get("id").asLong();
            }
        }
        throw new IllegalStateException("no item " + code);
    }

    /** A BUTLER account of the township put into a new team covering the village, with the skills; its username. */
    public String butler(String township, String village, String skills) throws Exception {
        String username = Accounts.create(mvc, "BUTLER", township);
        long team = body(admin(post("/api/v1/butler-teams"), """
                {"name":"测试服务队 %s","townshipCode":"%s","villages":["%s"]}
                """.formatted(username, township, village))).get("team").get("id").asLong();
        admin(put("/api/v1/butler-teams/" + team + "/members/" + username), "{\"skills\":" + skills + "}");
        return username;
    }

    public ResultActions order(long person, long item, String key) throws Exception {
        return admin(post("/api/v1/orders"), """
                {"personId":%d,"itemId":%d,"requestedFor":"2026-11-29T08:00:00Z","channel":"PHONE","idempotencyKey":"%s"}
                """.formatted(person, item, key));
    }

    public long newOrder(long person, long item) throws Exception {
        return body(order(person, item, UUID.randomUUID().toString())).get("id").asLong();
    }

    public ResultActions act(long order, String action, String body) throws Exception {
        return admin(post("/api/v1/orders/" + order + "/" + action), body);
    }

    public JsonNode get(long order) throws Exception {
        return body(admin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/orders/" + order), null));
    }
}
