package org.yilaoyixiao.placement;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** Institutions, providers and people made through the public APIs, for placement tests and journeys. */
public final class PlacementFixtures {

    public static final String VILLAGE = "331121001901";

    private final MockMvc mvc;
    private final ObjectMapper json;

    public PlacementFixtures(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN").content(body));
    }

    public JsonNode body(ResultActions result) throws Exception {
        MvcResult r = result.andReturn();
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    public long id(ResultActions result) throws Exception {
        return body(result).get("id").asLong();
    }

    /** An institution with the given approved nursing and assisted beds. */
    public long institution(String name, int nursing, int assisted) throws Exception {
        return id(send(post("/api/v1/institutions"), """
                {"name":"%s","divisionCode":"%s","operationModel":"PRIVATE","profitType":"NON_PROFIT",
                 "kind":"CARE_HOME","premises":"OWNED","openedOn":"2020-01-01","medicalPartnership":false,
                 "smartCareHome":false,"beds":[{"type":"NURSING","approved":%d,"cognitive":0},
                 {"type":"ASSISTED","approved":%d,"cognitive":0}]}
                """.formatted(name, PlatformTest.HECHENG, nursing, assisted)));
    }

    /** A provider with one class of each given type and capacity; returns the provider's JSON (with class ids). */
    public JsonNode provider(String name, int approvedSlots, String classesJson) throws Exception {
        return body(send(post("/api/v1/childcare-providers"), """
                {"name":"%s","divisionCode":"%s","kind":"STANDALONE","filed":false,"approvedSlots":%d,
                 "affordable":true,"premises":"OWNED","classes":%s}
                """.formatted(name, PlatformTest.HECHENG, approvedSlots, classesJson)));
    }

    public void carers(long providerId, long classId, int carers) throws Exception {
        send(put("/api/v1/childcare-providers/" + providerId + "/classes/" + classId + "/carers"),
                "{\"carers\":" + carers + "}").andReturn();
    }

    public long person(String name, String idNumber) throws Exception {
        return id(send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,"livingSituation":[]}
                """.formatted(idNumber, name, VILLAGE)));
    }

    public long elder(String name) throws Exception {
        return person(name, TestIdNumbers.nextElder());
    }

    public long child(String name, LocalDate birth) throws Exception {
        return person(name, TestIdNumbers.next(birth));
    }

    public ResultActions enrol(long personId, long providerId, long classId, String from) throws Exception {
        return send(post("/api/v1/enrolments"), """
                {"personId":%d,"providerId":%d,"classId":%d,"from":"%s"}
                """.formatted(personId, providerId, classId, from));
    }

    public ResultActions get(String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)).header("Accept-Language", "zh-CN"));
    }

}
