package org.yilaoyixiao.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.visits.VisitFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * I17 and I18 on a hand-worked example in a village of this test's own, so that nobody else's people count. Six
 * residents: four elders (61, 70, 75, 88) and two younger people (45, 59).
 * <ul>
 * <li>Volunteers: the elders of 61 and 70, and the 45-year-old. I18 = 2 elder volunteers / 4 elders = 50.00 %.</li>
 * <li>This year's course has 4 sessions, its term over; regular = at least half, i.e. 2 sessions. The 61-year-old
 * attends 2 (regular), the 75-year-old 1, the 88-year-old 1, the 45- and 59-year-olds all 4 (not elders). Last
 * year's course, all of whose sessions the 75-year-old attended, is not this year's. I17 = 1 / 4 = 25.00 %.</li>
 * </ul>
 */
@PlatformTest
class EngagementIndicatorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Test
    void regularEducationAndElderVolunteersAreComputedFromTheRecords() throws Exception {
        String village = new VisitFixtures(mvc, json, divisions).freshVillage();
        TimeBankFixtures fx = new TimeBankFixtures(mvc, json);
        long e61 = fx.person("指标六一", 61, village);
        long e70 = fx.person("指标七十", 70, village);
        long e75 = fx.person("指标七五", 75, village);
        long e88 = fx.person("指标八八", 88, village);
        long y45 = fx.person("指标四五", 45, village);
        long y59 = fx.person("指标五九", 59, village);
        for (long volunteer : new long[] {e61, e70, y45}) {
            fx.register(volunteer, "指标测试服务队", "[\"陪伴\"]", true).andExpect(status().isCreated());
        }
        int year = LocalDate.now().getYear();
        long course = course(fx, village, LocalDate.of(year, 1, 1), LocalDate.now());
        attend(fx, course, e61, 1, 2);
        attend(fx, course, e75, 3);
        attend(fx, course, e88, 4);
        attend(fx, course, y45, 1, 2, 3, 4);
        attend(fx, course, y59, 1, 2, 3, 4);
        long lastYear = course(fx, village, LocalDate.of(year - 1, 3, 1), LocalDate.of(year - 1, 6, 30));
        attend(fx, lastYear, e75, 1, 2, 3, 4);

        JsonNode indicators = fx.body(fx.get("/api/v1/indicators?division=" + village + "&year=" + year)
                .andExpect(status().isOk()));
        JsonNode i17 = find(indicators, "I17");
        JsonNode i18 = find(indicators, "I18");
        assertThat(i17.get("actual").get("source").asString()).as(i17.toString()).isEqualTo("COMPUTED");
        assertThat(i17.get("actual").get("numerator").asLong()).as(i17.toString()).isEqualTo(1);
        assertThat(i17.get("actual").get("denominator").asLong()).isEqualTo(4);
        assertThat(i17.get("actual").get("value").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(i17.get("baseline").get("value").decimalValue()).isEqualByComparingTo("28");
        assertThat(i17.get("target").get("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(i18.get("actual").get("source").asString()).isEqualTo("COMPUTED");
        assertThat(i18.get("actual").get("numerator").asLong()).as(i18.toString()).isEqualTo(2);
        assertThat(i18.get("actual").get("denominator").asLong()).isEqualTo(4);
        assertThat(i18.get("actual").get("value").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(i18.get("baseline").get("value").decimalValue()).isEqualByComparingTo("14");
        assertThat(i18.get("target").get("value").decimalValue()).isEqualByComparingTo("19");

        // the township's counts include the village's: they moved by at least these amounts
        JsonNode township = find(fx.body(fx.get("/api/v1/indicators?division=" + VisitFixtures.TOWNSHIP + "&year="
                + year)), "I18");
        assertThat(township.get("actual").get("numerator").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(township.get("actual").get("denominator").asLong()).isGreaterThanOrEqualTo(4);
    }

    private static long course(TimeBankFixtures fx, String village, LocalDate start, LocalDate end) throws Exception {
        return fx.body(fx.send(post("/api/v1/courses"), """
                {"title":"指标测试课","mode":"ONLINE","divisionCode":"%s","termStart":"%s","termEnd":"%s","sessions":4}
                """.formatted(village, start, end)).andExpect(status().isCreated())).get("id").asLong();
    }

    private static void attend(TimeBankFixtures fx, long course, long person, int... sessions) throws Exception {
        fx.send(post("/api/v1/courses/" + course + "/enrolments"), "{\"personId\":%d}".formatted(person))
                .andExpect(status().isCreated());
        for (int session : sessions) {
            fx.send(post("/api/v1/courses/" + course + "/attendance"),
                    "{\"personId\":%d,\"session\":%d}".formatted(person, session)).andExpect(status().isCreated());
        }
    }

    private static JsonNode find(JsonNode indicators, String code) {
        for (JsonNode indicator : indicators) {
            if (indicator.get("code").asString().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError("no " + code + " in " + indicators);
    }
}
