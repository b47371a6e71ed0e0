package org.yilaoyixiao.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.subsidies.SubsidyFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.visits.VisitTiers;

/** What feed records do in other modules: subsidies stop and are recovered after a death; a discharge raises the tier. */
@PlatformTest
class FeedEffectsTest {

    private static final String ELDERLY = "ELDERLY_SERVICE_SUBSIDY";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VisitTiers tiers;

    ExchangeFixtures fixtures;
    SubsidyFixtures subsidies;

    @BeforeEach
    void setUp() {
        fixtures = new ExchangeFixtures(mvc, json);
        subsidies = new SubsidyFixtures(mvc, json);
    }

    record Line(String kind, LocalDate forMonth, BigDecimal amount) {
    }

    private List<Line> lines(JsonNode run, long person) {
        return jdbc.sql("""
                select kind, for_month, amount from subsidies.run_line
                where run_id = :run and subject_type = 'PERSON' and subject_id = :p order by for_month, kind
                """).param("run", run.get("id").asLong()).param("p", person)
                .query((rs, i) -> new Line(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list();
    }

    /**
     * January and February 2025 are paid to a 95-year-old; household registration then reports a death on 20 January.
     * The March run has no line for the person, and recovers February (paid for a month after the death), not January.
     * The runs' rules are the subsidies module's; this test proves the feed feeds them.
     */
    @Test
    void aDeathStopsTheNextRunsLineAndRecoversWhatWasPaidAfterIt() throws Exception {
        ExchangeFixtures.Person elder = fixtures.person("死亡追回", LocalDate.of(1930, 1, 10), true, "NONE");
        String checker = fixtures.checker();
        for (String month : List.of("2025-01", "2025-02")) {
            JsonNode run = subsidies.run(ELDERLY, month);
            assertThat(lines(run, elder.id())).extracting(Line::kind).containsExactly("REGULAR");
            subsidies.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/runs/" + run.get("id").asLong()
                    + "/approve", null).andExpect(status().isOk());
        }

        fixtures.feed("household", """
                [{"recordId":"%s","type":"DEATH","idNumber":"%s","effectiveDate":"2025-01-20"}]
                """.formatted(ExchangeFixtures.unique("death"), elder.idNumber())).andExpect(status().isAccepted());

        JsonNode march = subsidies.run(ELDERLY, "2025-03");
        List<Line> marchLines = lines(march, elder.id());
        assertThat(marchLines).noneMatch(l -> l.kind().equals("REGULAR"));
        assertThat(marchLines).hasSize(1);
        Line recovery = marchLines.get(0);
        assertThat(recovery.kind()).isEqualTo("RECOVERY");
        assertThat(recovery.forMonth()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(recovery.amount()).isNegative();
        BigDecimal paidInFebruary = jdbc.sql("select amount from subsidies.run_line l join subsidies.run r "
                        + "on r.id = l.run_id where r.programme = :p and r.month = '2025-02-01' and l.subject_id = :s "
                        + "and l.kind = 'REGULAR'").param("p", ELDERLY).param("s", elder.id())
                .query(BigDecimal.class).single();
        assertThat(recovery.amount()).isEqualByComparingTo(paidInFebruary.negate());

        JsonNode timeline = fixtures.get("/api/v1/persons/" + elder.id() + "/timeline");
        assertThat(timeline.get(0).get("date").asString()).isGreaterThanOrEqualTo("2025-01-20");
        assertThat(timeline.findValuesAsString("kind")).contains("DEATH", "DECEASED");
    }

    @Test
    void aHospitalDischargeRaisesTheVisitTierForThirtyDays() throws Exception {
        LocalDate today = BusinessTime.today(java.time.Clock.systemDefaultZone());
        ExchangeFixtures.Person elder = fixtures.person("出院老人", LocalDate.of(1938, 8, 8), true, "NONE");
        assertThat(tiers.tierOn(elder.id(), today)).isNotEqualTo(Optional.of("HIGH"));
        LocalDate discharged = today.minusDays(2);
        String recordId = ExchangeFixtures.unique("discharge");
        String records = """
                [{"recordId":"%s","type":"DISCHARGE","idNumber":"%s","effectiveDate":"%s","hospital":"青田县人民医院"}]
                """.formatted(recordId, elder.idNumber(), discharged);
        fixtures.feed("health", records).andExpect(status().isAccepted());

        ExchangeFixtures.await("the tier raise", () -> tiers.tierOn(elder.id(), today).equals(Optional.of("HIGH")));
        assertThat(tiers.tierOn(elder.id(), discharged.plusDays(29))).contains("HIGH");
        assertThat(tiers.tierOn(elder.id(), discharged.plusDays(30))).isNotEqualTo(Optional.of("HIGH"));
        ExchangeFixtures.await("the follow-up visit", () -> jdbc.sql("select count(*) from visits.task where "
                + "person_id = :p and kind = 'FOLLOW_UP'").param("p", elder.id()).query(Long.class).single() == 1);

        // the same discharge again raises nothing more
        fixtures.feed("health", records).andExpect(status().isAccepted());
        Thread.sleep(300);
        assertThat(jdbc.sql("select count(*) from visits.tier_raise where person_id = :p").param("p", elder.id())
                .query(Long.class).single()).isEqualTo(1);
        JsonNode timeline = fixtures.get("/api/v1/persons/" + elder.id() + "/timeline");
        assertThat(timeline.findValuesAsString("kind")).contains("DISCHARGE", "TIER_RAISED", "MAJOR_EVENT");
    }
}
