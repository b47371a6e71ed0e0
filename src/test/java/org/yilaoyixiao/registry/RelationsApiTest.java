package org.yilaoyixiao.registry;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.ObjectMapper;

@PlatformTest
class RelationsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD));
    }

    private long person(String idNumber) throws Exception {
        String body = mvc.perform(asAdmin(post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"周阿公","residenceDivisionCode":"331121105901","localHukou":true}
                                """.formatted(idNumber)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void familyAbroadIsAContactWithItsTimeZone() throws Exception {
        long elder = person(TestIdNumbers.nextElder());
        mvc.perform(asAdmin(post("/api/v1/persons/" + elder + "/contacts")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"周小红","relation":"DAUGHTER","phone":"+34 600 123 456","email":"xh@example.es",
                                 "countryCode":"ES","timeZone":"Europe/Madrid","emergency":true}
                                """))
                .andExpect(status().isCreated());
        mvc.perform(asAdmin(post("/api/v1/persons/" + elder + "/contacts")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"relation\":\"UNCLE\",\"countryCode\":\"XX\",\"timeZone\":\"Mars/Base\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("relation", "countryCode",
                        "timeZone", "phone")));
        mvc.perform(asAdmin(get("/api/v1/persons/" + elder + "/contacts")))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].countryCode").value("ES"))
                .andExpect(jsonPath("$[0].timeZone").value("Europe/Madrid"))
                .andExpect(jsonPath("$[0].emergency").value(true));
    }

    @Test
    void aChildsGuardianIsRecordedWithConsent() throws Exception {
        long infant = person(TestIdNumbers.next(LocalDate.now().minusMonths(14)));
        mvc.perform(asAdmin(post("/api/v1/persons/" + infant + "/guardians")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"周妈妈\",\"relation\":\"MOTHER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("consentGivenAt", "consentMethod")));
        mvc.perform(asAdmin(post("/api/v1/persons/" + infant + "/guardians")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"周妈妈","relation":"MOTHER","phone":"13905780000",
                                 "consentGivenAt":"2026-03-01T02:00:00Z","consentMethod":"WRITTEN"}
                                """))
                .andExpect(status().isCreated());
        mvc.perform(asAdmin(get("/api/v1/persons/" + infant + "/guardians")))
                .andExpect(jsonPath("$[0].consentMethod").value("WRITTEN"));
        long elder = person(TestIdNumbers.nextElder());
        mvc.perform(asAdmin(post("/api/v1/persons/" + elder + "/guardians")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"x","relation":"OTHER","consentGivenAt":"2026-03-01T02:00:00Z","consentMethod":"WRITTEN"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("NOT_A_CHILD"));
    }

    @Test
    void aPersonBelongsToOneHousehold() throws Exception {
        long grandmother = person(TestIdNumbers.nextElder());
        long grandchild = person(TestIdNumbers.next(LocalDate.now().minusMonths(20)));
        String household = """
                {"divisionCode":"331121105901","address":"海口一村12号",
                 "members":[{"personId":%d,"relation":"HEAD"},{"personId":%d,"relation":"GRANDCHILD"}]}
                """.formatted(grandmother, grandchild);
        mvc.perform(asAdmin(post("/api/v1/households")).contentType(MediaType.APPLICATION_JSON).content(household))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.members", hasSize(2)))
                .andExpect(jsonPath("$.members[0].relation").value("HEAD"));
        mvc.perform(asAdmin(post("/api/v1/households")).contentType(MediaType.APPLICATION_JSON).content(household))
                .andExpect(status().isConflict());
        mvc.perform(asAdmin(get("/api/v1/persons/" + grandchild + "/household")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("海口一村12号"));
    }
}
