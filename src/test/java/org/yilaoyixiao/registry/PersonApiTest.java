package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

@PlatformTest
class PersonApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private ResultActions create(String user, String password, String idNumber, String residence) throws Exception {
        return mvc.perform(post("/api/v1/persons").with(httpBasic(user, password))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"idNumber":"%s","name":"叶阿婆","phone":"13905781234","residenceDivisionCode":"%s",
                         "localHukou":true,"economicStatus":"MINIMUM_LIVING","livingSituation":["LIVING_ALONE","LEFT_BEHIND"]}
                        """.formatted(idNumber, residence)));
    }

    private ResultActions createAsAdmin(String idNumber, String residence) throws Exception {
        return create(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, idNumber, residence);
    }

    private long id(ResultActions result) throws Exception {
        JsonNode body = json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        return body.get("id").asLong();
    }

    @Test
    void registersAPersonAndNeverReturnsTheFullIdNumber() throws Exception {
        String idNumber = TestIdNumbers.of(LocalDate.of(1942, 3, 8), 222);
        String full = mvc.perform(post("/api/v1/persons").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"叶阿婆","residenceDivisionCode":"331121001901","localHukou":true,
                                 "livingSituation":["EMPTY_NEST"]}
                                """.formatted(idNumber.toLowerCase())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.idNumberMasked").value(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .andExpect(jsonPath("$.sex").value("FEMALE"))
                .andExpect(jsonPath("$.birthDate").value("1942-03-08"))
                .andExpect(jsonPath("$.category").value("ELDER"))
                .andExpect(jsonPath("$.age").isNumber())
                .andExpect(jsonPath("$.economicStatus").value("NONE"))
                .andExpect(jsonPath("$.livingSituation[0]").value("EMPTY_NEST"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(full).doesNotContain(idNumber);
    }

    @Test
    void theIdNumberIsEncryptedAtRestAndFoundByExactLookup() throws Exception {
        String idNumber = TestIdNumbers.nextElder();
        long id = id(createAsAdmin(idNumber, "331121001902").andExpect(status().isCreated()));
        byte[] cipher = jdbc.sql("select id_number_cipher from registry.person where id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14));
        long plainHits = jdbc.sql("""
                        select count(*) from registry.person where id = :id and (
                            encode(id_number_cipher, 'escape') like '%' || :birth || '%'
                            or encode(id_number_index, 'escape') like '%' || :birth || '%'
                            or id_number_masked like '%' || :birth || '%')
                        """)
                .param("id", id).param("birth", idNumber.substring(6, 14)).query(Long.class).single();
        assertThat(plainHits).isZero();
        mvc.perform(get("/api/v1/persons").param("idNumber", idNumber).with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(content().string(not(containsString(idNumber))));
    }

    @Test
    void badIdNumbersAreFieldErrorsInChinese() throws Exception {
        for (String bad : List.of("110105194912310021", "110105194902300011", "11010519491231002", "")) {
            createAsAdmin(bad, "331121001901")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("身份证")));
        }
        createAsAdmin(TestIdNumbers.of(LocalDate.now().plusDays(3), 1), "331121001901")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("BIRTH_DATE_FUTURE"));
    }

    @Test
    void theSameIdNumberTwiceIsAConflictNamingTheExistingRecord() throws Exception {
        String idNumber = TestIdNumbers.nextElder();
        long id = id(createAsAdmin(idNumber, "331121001903").andExpect(status().isCreated()));
        createAsAdmin(idNumber, "331121002901")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"))
                .andExpect(jsonPath("$.detail").value(containsString(Long.toString(id))))
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
    }

    @Test
    void aTownshipClerkWorksOnlyWithinTheTownship() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        create(clerk, Accounts.PASSWORD, TestIdNumbers.nextElder(), "331121002901")
                .andExpect(status().isForbidden());
        long own = id(create(clerk, Accounts.PASSWORD, TestIdNumbers.nextElder(), "331121001904")
                .andExpect(status().isCreated()));
        long other = id(createAsAdmin(TestIdNumbers.nextElder(), "331121002902").andExpect(status().isCreated()));
        mvc.perform(get("/api/v1/persons/" + own).with(httpBasic(clerk, Accounts.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/persons/" + other).with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/persons/99999999").with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons").param("size", "200").with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].residenceDivisionCode", everyItem(org.hamcrest.Matchers.startsWith("331121001"))));
        mvc.perform(get("/api/v1/persons").param("division", "331121002").with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void searchFiltersByDivisionSubtreeCategoryNameAndFlags() throws Exception {
        String unique = "欧" + (System.nanoTime() % 100000);
        mvc.perform(post("/api/v1/persons").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"%s一","residenceDivisionCode":"331121203901","localHukou":true,
                                 "livingSituation":["LIVING_ALONE"]}
                                """.formatted(TestIdNumbers.nextElder(), unique)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/persons").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"%s宝","residenceDivisionCode":"331121203902","localHukou":true}
                                """.formatted(TestIdNumbers.next(LocalDate.now().minusMonths(10)), unique)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("INFANT"));
        mvc.perform(get("/api/v1/persons").param("q", unique).param("division", "331121203")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(2));
        mvc.perform(get("/api/v1/persons").param("q", unique).param("category", "INFANT")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].name").value(unique + "宝"));
        mvc.perform(get("/api/v1/persons").param("q", unique).param("livingSituation", "LIVING_ALONE")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].category").value("ELDER"));
        // eighty years on, the infant of today is an elder too: the category is judged as of the date asked
        mvc.perform(get("/api/v1/persons").param("q", unique).param("category", "ELDER")
                        .param("asOf", LocalDate.now().plusYears(80).toString())
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(2));
        mvc.perform(get("/api/v1/persons").param("q", unique).param("division", "331121204")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void careButlersDoNotSeeChildren() throws Exception {
        long infant = id(createAsAdmin(TestIdNumbers.next(LocalDate.now().minusMonths(5)), "331121001907")
                .andExpect(status().isCreated()));
        long elder = id(createAsAdmin(TestIdNumbers.nextElder(), "331121001907").andExpect(status().isCreated()));
        String butler = Accounts.create(mvc, "BUTLER", "331121001907");
        mvc.perform(get("/api/v1/persons/" + infant).with(httpBasic(butler, Accounts.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/" + elder).with(httpBasic(butler, Accounts.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/persons").param("division", "331121001907").param("size", "200")
                        .with(httpBasic(butler, Accounts.PASSWORD)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) infant))))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) elder)));
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(get("/api/v1/persons/" + infant).with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        String idNumber = TestIdNumbers.nextElder();
        long id = id(createAsAdmin(idNumber, "331121001905").andExpect(status().isCreated()));
        String change = """
                {"idNumber":"%s","name":"叶阿婆","residenceDivisionCode":"331121001905","localHukou":true,
                 "economicStatus":"EXTREME_POVERTY","version":%d}
                """;
        mvc.perform(put("/api/v1/persons/" + id).with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(idNumber, 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.economicStatus").value("EXTREME_POVERTY"));
        mvc.perform(put("/api/v1/persons/" + id).with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(idNumber, 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));
    }

    @Test
    void revealingTheIdNumberIsForPermittedRolesAndAudited() throws Exception {
        String idNumber = TestIdNumbers.nextElder();
        long id = id(createAsAdmin(idNumber, "331121001906").andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/persons/" + id + "/reveal-id").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(idNumber));
        String butler = Accounts.create(mvc, "BUTLER", "331121001906");
        mvc.perform(get("/api/v1/persons/" + id).with(httpBasic(butler, Accounts.PASSWORD))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/persons/" + id + "/reveal-id").with(httpBasic(butler, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
        List<String> events = jdbc.sql("select type from audit.audit_event where target = :t order by id")
                .param("t", "person:" + id).query(String.class).list();
        assertThat(events).containsSubsequence("PERSON_CREATED", "PERSON_ID_REVEALED", "PERSON_DETAIL_READ");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where detail like :id").param("id", "%" + idNumber + "%")
                .query(Long.class).single()).isZero();
    }
}
