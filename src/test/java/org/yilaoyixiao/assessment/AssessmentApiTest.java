package org.yilaoyixiao.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
@Import(AssessmentApiTest.LevelChanges.class)
class AssessmentApiTest {

    /** Sees the events the assessment module publishes. */
    @TestConfiguration
    static class LevelChanges {

        final List<CapabilityLevelChanged> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CapabilityLevelChanged event) {
            seen.add(event);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    LevelChanges levelChanges;

    @Autowired
    CapabilityLevels levels;

    @Autowired
    java.time.Clock clock;

    PlacementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlacementFixtures(mvc, json);
    }

    /** Every item at its maximum except the given overrides ("B.1.1=0"). */
    private static String items(String... overrides) {
        java.util.Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        AssessmentItems.standard().all().forEach(item -> scores.put(item.code(), item.maxScore()));
        for (String override : overrides) {
            String[] pair = override.split("=");
            if (pair.length == 1) {
                scores.remove(pair[0]);
            } else {
                scores.put(pair[0], Integer.parseInt(pair[1]));
            }
        }
        return scores.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private ResultActions assess(long person, String on, String items, String diagnoses, int riskEvents)
            throws Exception {
        return fixtures.send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"%s","reason":"FIRST","place":"鹤城街道居家","assessors":["张评估","李评估"],
                 "items":%s,"coma":false,"diagnoses":%s,"riskEventsLast30Days":%d}
                """.formatted(person, on, items, diagnoses, riskEvents));
    }

    @Test
    void scoresStoresAndAnnouncesTheLevel() throws Exception {
        long elder = fixtures.elder("评估甲");
        // 90 - 4 - 4 - 2 = 80 → level 1; dementia raises to 2
        assess(elder, "2026-03-01", items("B.1.1=0", "B.1.3=0", "B.4.1=0"), "[\"F01\"]", 0)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personId").value(elder))
                .andExpect(jsonPath("$.subtotals['B.1']").value(24))
                .andExpect(jsonPath("$.subtotals['B.4']").value(13))
                .andExpect(jsonPath("$.totalScore").value(80))
                .andExpect(jsonPath("$.initialLevel").value(1))
                .andExpect(jsonPath("$.finalLevel").value(2))
                .andExpect(jsonPath("$.levelName").value("能力中度受损（中度失能）"))
                .andExpect(jsonPath("$.changes[0]").value("DEMENTIA"));
        assertThat(levels.current(elder)).contains(CapabilityLevel.MODERATE);
        assertThat(levelChanges.seen).anySatisfy(e -> {
            assertThat(e.personId()).isEqualTo(elder);
            assertThat(e.previousLevel()).isNull();
            assertThat(e.newLevel()).isEqualTo(CapabilityLevel.MODERATE);
        });

        // same level again: no event; then level 0: event from 2 to 0
        assess(elder, "2026-04-01", items("B.1.1=0", "B.1.3=0", "B.4.1=0"), "[\"F01\"]", 0)
                .andExpect(status().isCreated());
        assertThat(levelChanges.seen.stream().filter(e -> e.personId() == elder)).hasSize(1);
        assess(elder, "2026-05-01", items(), "[]", 0).andExpect(status().isCreated())
                .andExpect(jsonPath("$.finalLevel").value(0));
        assertThat(levelChanges.seen).anySatisfy(e -> {
            assertThat(e.personId()).isEqualTo(elder);
            assertThat(e.previousLevel()).isEqualTo(CapabilityLevel.MODERATE);
            assertThat(e.newLevel()).isEqualTo(CapabilityLevel.INTACT);
        });

        fixtures.get("/api/v1/persons/" + elder + "/assessments").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].assessedOn").value("2026-05-01"))
                .andExpect(jsonPath("$[2].assessedOn").value("2026-03-01"));
        assertThat(levels.current(elder)).contains(CapabilityLevel.INTACT);
    }

    @Test
    void namesEachMissingOrOutOfRangeItem() throws Exception {
        long elder = fixtures.elder("评估乙");
        assess(elder, "2026-03-01", items("B.1.3", "B.2.4=4", "B.4.1=-1"), "[\"dementia\"]", 0)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'items.B.1.3')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'items.B.2.4')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'items.B.4.1')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'diagnoses[0]')]").exists());
        assertThat(levels.current(elder)).isEmpty();
    }

    @Test
    void aPersonOutsideTheCallersScopeIsNotFound() throws Exception {
        long elder = fixtures.elder("评估丙");
        assess(elder, "2026-03-01", items(), "[]", 0).andExpect(status().isCreated());
        String ounan = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        mvc.perform(get("/api/v1/persons/" + elder + "/assessments").with(httpBasic(ounan, Accounts.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void listsPeopleWhoseLatestAssessmentIsAYearOld() throws Exception {
        long overdue = fixtures.elder("评估丁");
        long recent = fixtures.elder("评估戊");
        long reassessed = fixtures.elder("评估己");
        String today = java.time.LocalDate.now(clock).toString();
        assess(overdue, "2024-06-01", items(), "[]", 0).andExpect(status().isCreated());
        assess(recent, today, items(), "[]", 0).andExpect(status().isCreated());
        assess(reassessed, "2024-06-01", items(), "[]", 0).andExpect(status().isCreated());
        assess(reassessed, today, items(), "[]", 0).andExpect(status().isCreated());

        fixtures.get("/api/v1/assessments/due?division=" + PlatformTest.HECHENG).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == " + overdue + ")].dueOn").value("2025-06-01"))
                .andExpect(jsonPath("$[?(@.personId == " + recent + ")]").isEmpty())
                .andExpect(jsonPath("$[?(@.personId == " + reassessed + ")]").isEmpty());
        fixtures.get("/api/v1/assessments/due?division=" + PlatformTest.OUNAN).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == " + overdue + ")]").isEmpty());
    }
}
