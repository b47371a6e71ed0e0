package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/**
 * Age on a day (周岁) is computed one way everywhere (issue 18): {@link Ages} agrees with PostgreSQL's
 * {@code age()} and with the SQL cut-off dates on birthdays and 29 February, and one elder who turns 70 today is
 * "70 周岁" on the person list, the record, the person picker, the placement history and in the API alike.
 */
@PlatformTest
class AgesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theJavaRuleTheSqlRuleAndTheCutOffDatesAgreeOnEveryAwkwardDay() {
        List<LocalDate[]> cases = List.of(
                new LocalDate[] {LocalDate.of(1956, 5, 10), LocalDate.of(2026, 5, 9)},
                new LocalDate[] {LocalDate.of(1956, 5, 10), LocalDate.of(2026, 5, 10)},
                new LocalDate[] {LocalDate.of(1956, 2, 29), LocalDate.of(2026, 2, 28)},
                new LocalDate[] {LocalDate.of(1956, 2, 29), LocalDate.of(2026, 3, 1)},
                new LocalDate[] {LocalDate.of(1964, 2, 29), LocalDate.of(2024, 2, 28)},
                new LocalDate[] {LocalDate.of(1964, 2, 29), LocalDate.of(2024, 2, 29)},
                new LocalDate[] {LocalDate.of(2023, 12, 31), LocalDate.of(2026, 12, 30)},
                new LocalDate[] {LocalDate.of(2023, 12, 31), LocalDate.of(2026, 12, 31)});
        for (LocalDate[] c : cases) {
            LocalDate birth = c[0];
            LocalDate on = c[1];
            int java = Ages.yearsOn(birth, null, on);
            int sql = jdbc.sql("select cast(extract(year from age(cast(:on as date), cast(:birth as date))) as int)")
                    .param("on", on).param("birth", birth).query(Integer.class).single();
            assertThat(java).as("%s on %s", birth, on).isEqualTo(sql);
            assertThat(java >= PersonCategory.ELDER_AGE).as("elder cut-off for %s on %s", birth, on)
                    .isEqualTo(!birth.isAfter(PersonCategory.elderBornOnOrBefore(on)));
            assertThat(java < PersonCategory.INFANT_AGE_LIMIT).as("infant cut-off for %s on %s", birth, on)
                    .isEqualTo(birth.isAfter(PersonCategory.infantBornAfter(on)));
            assertThat(PersonCategory.of(birth, on)).isEqualTo(PersonCategory.ofAge(java));
        }
        // after death the age stays the age at death, for records and summaries alike
        LocalDate birth = LocalDate.of(1940, 6, 1);
        LocalDate death = LocalDate.of(2020, 5, 31);
        assertThat(Ages.yearsOn(birth, death, LocalDate.of(2026, 1, 1))).isEqualTo(79);
        assertThat(new PersonSummary(1, "甲", birth, "331121001", "x", RecordStatus.DECEASED, death)
                .ageOn(LocalDate.of(2026, 1, 1))).isEqualTo(79);
    }

    @Test
    void anElderTurningSeventyTodayIsSeventyOnEveryPage() throws Exception {
        LocalDate today = BusinessTime.today(clock);
        LocalDate birth = today.minusYears(70);
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        String name = "七十寿" + (char) ('甲' + (int) (System.nanoTime() % 50));
        long elder = fixtures.person(name, TestIdNumbers.next(birth));
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);

        Document list = pages.page(admin, "/persons?q=" + name);
        assertThat(list.select("#person-table tr[data-person=" + elder + "]").text()).contains("70 周岁");
        assertThat(pages.page(admin, "/persons/" + elder).select("#tab-content").text()).contains("（70 周岁）");
        assertThat(pages.page(admin, "/persons/pick?category=ELDER&term=" + name)
                .select("[data-pick-value=" + elder + "]").text()).contains("70 周岁");
        assertThat(fixtures.body(fixtures.get("/api/v1/persons/" + elder)).get("age").asInt()).isEqualTo(70);

        long home = fixtures.institution("七十寿颐养院", 1, 0);
        fixtures.send(post("/api/v1/placements"), """
                {"personId":%d,"kind":"INSTITUTION","institutionId":%d,"bedType":"NURSING","from":"%s"}
                """.formatted(elder, home, today)).andExpect(status().isCreated());
        assertThat(pages.page(admin, "/placement/persons/" + elder).select("main, section").text())
                .contains("70 周岁").doesNotContain("69 周岁");
        assertThat(pages.page(admin, "/placement?institutionId=" + home).select("#placement-table").text())
                .contains("70 周岁");
    }
}
