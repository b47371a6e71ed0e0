package org.yilaoyixiao.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

@PlatformTest
class PlacementApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlacementStatistics statistics;

    PlacementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlacementFixtures(mvc, json);
    }

    private ResultActions admit(long person, long institution, String bedType, String from) throws Exception {
        return fixtures.send(post("/api/v1/placements"), """
                {"personId":%d,"institutionId":%d,"bedType":"%s","from":"%s"}
                """.formatted(person, institution, bedType, from));
    }

    private long placementsAt(long institution) {
        return jdbc.sql("select count(*) from placement.placement where institution_id = :id")
                .param("id", institution).query(Long.class).single();
    }

    @Test
    void fillsAnInstitutionsBedsAndRefusesTheNextWithNothingChanged() throws Exception {
        long home = fixtures.institution("满床颐养院", 2, 1);
        admit(fixtures.elder("甲老人"), home, "NURSING", "2026-03-01").andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("INSTITUTION"))
                .andExpect(jsonPath("$.bedType").value("NURSING"));
        admit(fixtures.elder("乙老人"), home, "NURSING", "2026-03-01").andExpect(status().isCreated());

        admit(fixtures.elder("丙老人"), home, "NURSING", "2026-03-02")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CAPACITY_EXCEEDED"))
                .andExpect(jsonPath("$.detail").value("满床颐养院 的护理型床位已满：核定 2 张，在住 2 人，无法入住。"));
        assertThat(placementsAt(home)).isEqualTo(2);
        assertThat(statistics.residents(home, org.yilaoyixiao.facilities.BedType.NURSING)).isEqualTo(2);
        // the assisted bed is still free
        admit(fixtures.elder("丁老人"), home, "ASSISTED", "2026-03-02").andExpect(status().isCreated());
    }

    @Test
    void dischargeFreesTheBedAndAPersonIsNotPlacedTwice() throws Exception {
        long home = fixtures.institution("单床颐养院", 1, 0);
        long other = fixtures.institution("另一颐养院", 5, 0);
        long elder = fixtures.elder("戊老人");
        long placement = fixtures.id(admit(elder, home, "NURSING", "2026-03-01").andExpect(status().isCreated()));

        admit(elder, other, "NURSING", "2026-03-05")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"));
        long waiting = fixtures.elder("己老人");
        admit(waiting, home, "NURSING", "2026-03-05")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CAPACITY_EXCEEDED"));

        fixtures.send(post("/api/v1/placements/" + placement + "/discharge"), """
                {"on":"2026-04-01","reason":"回家居住"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.to").value("2026-04-01"));
        // a retried discharge answers the same; another date is a conflict
        fixtures.send(post("/api/v1/placements/" + placement + "/discharge"), "{\"on\":\"2026-04-01\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.endReason").value("回家居住"));
        fixtures.send(post("/api/v1/placements/" + placement + "/discharge"), "{\"on\":\"2026-04-03\"}")
                .andExpect(status().isConflict());
        admit(waiting, home, "NURSING", "2026-04-02").andExpect(status().isCreated());
    }

    @Test
    void onlyEldersOfSixtyAndOverAreAdmitted() throws Exception {
        long home = fixtures.institution("年龄颐养院", 5, 5);
        long young = fixtures.person("中年人", TestIdNumbers.next(java.time.LocalDate.of(1970, 5, 5)));
        admit(young, home, "NURSING", "2026-03-01")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("AGE_NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.detail").value("中年人 入住日年龄为 55 岁，入住养老床位须年满60周岁。"));
        assertThat(placementsAt(home)).isZero();
    }

    @Test
    void transfersBetweenAFamilyBedAndAnInstitutionBothWaysKeepingTheHistory() throws Exception {
        long home = fixtures.institution("转床颐养院", 1, 0);
        long elder = fixtures.elder("庚老人");
        long family = fixtures.id(fixtures.send(post("/api/v1/placements"), """
                {"personId":%d,"kind":"FAMILY_BED","institutionId":%d,"from":"2026-01-10"}
                """.formatted(elder, home)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("FAMILY_BED")));

        long inHome = fixtures.id(fixtures.send(post("/api/v1/placements/" + family + "/transfer"), """
                {"to":"INSTITUTION","institutionId":%d,"bedType":"NURSING","on":"2026-02-01"}
                """.formatted(home)).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("INSTITUTION"))
                .andExpect(jsonPath("$.previousId").value((int) family)));

        // the home's only nursing bed is now taken: a transfer of someone else into it is refused, nothing changed
        long other = fixtures.elder("辛老人");
        long otherFamily = fixtures.id(fixtures.send(post("/api/v1/placements"), """
                {"personId":%d,"kind":"FAMILY_BED","institutionId":%d,"from":"2026-01-10"}
                """.formatted(other, home)).andExpect(status().isCreated()));
        fixtures.send(post("/api/v1/placements/" + otherFamily + "/transfer"), """
                {"to":"INSTITUTION","institutionId":%d,"bedType":"NURSING","on":"2026-02-05"}
                """.formatted(home)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CAPACITY_EXCEEDED"));
        fixtures.get("/api/v1/persons/" + other + "/placements").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].to").doesNotExist());

        fixtures.send(post("/api/v1/placements/" + inHome + "/transfer"), """
                {"to":"FAMILY_BED","institutionId":%d,"on":"2026-03-01"}
                """.formatted(home)).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("FAMILY_BED"));

        JsonNode history = fixtures.body(fixtures.get("/api/v1/persons/" + elder + "/placements")
                .andExpect(status().isOk()));
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("kind").asText()).isEqualTo("FAMILY_BED");
        assertThat(history.get(0).get("to").asText()).isEqualTo("2026-02-01");
        assertThat(history.get(0).get("endReason").asText()).isEqualTo("TRANSFERRED");
        assertThat(history.get(1).get("kind").asText()).isEqualTo("INSTITUTION");
        assertThat(history.get(1).get("from").asText()).isEqualTo("2026-02-01");
        assertThat(history.get(1).get("to").asText()).isEqualTo("2026-03-01");
        assertThat(history.get(2).get("kind").asText()).isEqualTo("FAMILY_BED");
        assertThat(history.get(2).get("to").isNull()).isTrue();

        assertThat(statistics.supervisedFamilyBeds(home)).isEqualTo(2);
        // the institution bed is free again
        admit(fixtures.elder("壬老人"), home, "NURSING", "2026-03-02").andExpect(status().isCreated());
    }
}
