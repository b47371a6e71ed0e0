package org.yilaoyixiao.timebank;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** People, volunteers, activities and credits made through the public API, for the time-bank tests and journey. */
public final class TimeBankFixtures {

    private final PlacementFixtures http;

    public TimeBankFixtures(MockMvc mvc, ObjectMapper json) {
        this.http = new PlacementFixtures(mvc, json);
    }

    public ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                              String body) throws Exception {
        return http.send(request, body);
    }

    public JsonNode body(ResultActions result) throws Exception {
        return http.body(result);
    }

    public ResultActions get(String path) throws Exception {
        return http.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path), "");
    }

    /** A person of the given age living in the village. */
    public long person(String name, int age, String village) throws Exception {
        LocalDate birth = LocalDate.now().minusYears(age).minusDays(40);
        return http.id(http.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,"livingSituation":[]}
                """.formatted(TestIdNumbers.next(birth), name, village)));
    }

    public ResultActions register(long person, String organisation, String skills, boolean ownPhone)
            throws Exception {
        return http.send(post("/api/v1/volunteers"), """
                {"personId":%d,"organisation":"%s","skills":%s,"ownPhone":%s,"formerProfession":"退休教师",
                 "availability":"周二、周四上午"}
                """.formatted(person, organisation, skills, ownPhone));
    }

    /** A person of the age registered as a volunteer (with a phone) of a team in the village. */
    public long volunteer(String name, int age, String village) throws Exception {
        long person = person(name, age, village);
        register(person, "银龄互助队", "[\"陪伴聊天\"]", true).andExpect(status().isCreated());
        return person;
    }

    public ResultActions credit(long person, String hours, String type, String ref, String key) throws Exception {
        return http.send(post("/api/v1/timebank/credits"), """
                {"volunteerPersonId":%d,"hours":%s,"sourceType":"%s","sourceRef":"%s","idempotencyKey":"%s"}
                """.formatted(person, hours, type, ref, key));
    }

    public ResultActions transfer(long from, long to, String hours, String witness, String key) throws Exception {
        return http.send(post("/api/v1/timebank/transfers"), """
                {"fromPersonId":%d,"toPersonId":%d,"hours":%s,"proxyWitness":%s,"idempotencyKey":"%s"}
                """.formatted(from, to, hours, witness == null ? "null" : "\"" + witness + "\"", key));
    }

    /** A confirmed activity in the village crediting the volunteer the hours; the activity's id. */
    public long confirmedActivity(String title, String village, long volunteer, String hours) throws Exception {
        long activity = body(http.send(post("/api/v1/activities"), """
                {"title":"%s","divisionCode":"%s","heldOn":"%s"}
                """.formatted(title, village, LocalDate.now().minusDays(1)))).get("id").asLong();
        http.send(post("/api/v1/activities/" + activity + "/participants"),
                "{\"personId\":%d,\"hours\":%s}".formatted(volunteer, hours)).andExpect(status().isCreated());
        http.send(post("/api/v1/activities/" + activity + "/confirmation"), "").andExpect(status().isCreated());
        return activity;
    }

    public JsonNode account(long person) throws Exception {
        return body(get("/api/v1/timebank/accounts/" + person).andExpect(status().isOk()));
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
