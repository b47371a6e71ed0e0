package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.ObjectMapper;

/**
 * The likely-duplicate keys follow every change of people as it happens — a second record with the same name and
 * birth date in the township makes a group, renaming one ends it — and always equal what a full grouping of the
 * registry finds (the nightly rebuild's answer).
 */
@PlatformTest
class LikelyDuplicateKeysTest {

    private static final String VILLAGE = "331121001903";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void aSecondRecordOfTheSamePersonMakesAGroupAndRenamingOneEndsIt() throws Exception {
        LocalDate birth = LocalDate.of(1944, 2, 29);
        String name = "重复" + System.nanoTime() % 10000 + "婆";
        String first = TestIdNumbers.next(birth);
        String second = TestIdNumbers.next(birth);
        create(first, name);
        assertThat(members(name)).isZero();
        long secondId = create(second, name);
        assertThat(members(name)).isEqualTo(2);
        assertThat(matchesAFullGrouping()).isTrue();

        mvc.perform(put("/api/v1/persons/" + secondId).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,
                                 "version":0}""".formatted(second, name + "改", VILLAGE)))
                .andExpect(status().isOk());
        assertThat(members(name)).isZero();
        assertThat(matchesAFullGrouping()).isTrue();
    }

    private long create(String idNumber, String name) throws Exception {
        String body = mvc.perform(post("/api/v1/persons").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,
                                 "livingSituation":[]}""".formatted(idNumber, name, VILLAGE)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private long members(String name) {
        return jdbc.sql("select coalesce(sum(members), 0) from registry.person_duplicate_key where name = :name")
                .param("name", name).query(Long.class).single();
    }

    /** The kept keys are exactly the keys a grouping of all active people finds now. */
    private boolean matchesAFullGrouping() {
        return jdbc.sql("""
                with now as (
                    select township_code, name, birth_date, count(*)::int as members from registry.person
                    where status = 'ACTIVE' group by 1, 2, 3 having count(*) > 1
                )
                select not exists (select * from now except select * from registry.person_duplicate_key)
                   and not exists (select * from registry.person_duplicate_key except select * from now)
                """).query(Boolean.class).single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
    }
}
