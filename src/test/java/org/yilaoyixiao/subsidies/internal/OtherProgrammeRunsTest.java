package org.yilaoyixiao.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.subsidies.QuoteClient;
import org.yilaoyixiao.subsidies.SubsidyFixtures;
import org.yilaoyixiao.support.PlatformTest;

/** The institution operating subsidy, childcare operating subsidy and childcare allowance as monthly runs. */
@PlatformTest
class OtherProgrammeRunsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    SubsidyFixtures fixtures;
    QuoteClient quotes;

    @BeforeEach
    void fixtures() {
        fixtures = new SubsidyFixtures(mvc, json);
        quotes = new QuoteClient(mvc, json);
    }

    private Optional<BigDecimal> amount(long runId, String subjectType, long subject) {
        return jdbc.sql("select sum(amount) from subsidies.run_line where run_id = :r and subject_type = :t "
                        + "and subject_id = :s and kind = 'REGULAR' having count(*) > 0")
                .param("r", runId).param("t", subjectType).param("s", subject).query(BigDecimal.class).optional();
    }

    private long institution(String name, String model, String kind, int star) throws Exception {
        var created = fixtures.asAdmin("POST", "/api/v1/institutions", """
                {"name":"%s","divisionCode":"%s","operationModel":"%s","profitType":"NON_PROFIT","kind":"%s",
                 "starRating":%d,"starRatedOn":"2025-01-01","premises":"OWNED","openedOn":"2020-01-01",
                 "medicalPartnership":false,"smartCareHome":false,
                 "beds":[{"type":"NURSING","approved":10,"cognitive":0}]}
                """.formatted(name, PlatformTest.HECHENG, model, kind, star));
        return fixtures.body(created).get("id").asLong();
    }

    private void admit(long person, long institution) throws Exception {
        var result = fixtures.asAdmin("POST", "/api/v1/placements", """
                {"personId":%d,"kind":"INSTITUTION","institutionId":%d,"bedType":"NURSING","from":"2026-03-01"}
                """.formatted(person, institution));
        assertThat(result.andReturn().getResponse().getStatus()).as(result.andReturn().getResponse()
                .getContentAsString()).isEqualTo(201);
    }

    @Test
    void institutionsArePaidPerLocalResidentAtTheirStarRateAndHalfWhenPublicBuiltPrivateRun() throws Exception {
        long shared = institution("公建民营三星院", "PUBLIC_BUILT_PRIVATE_RUN", "CARE_HOME", 3);
        long apartment = institution("民办老年公寓", "PRIVATE", "SENIOR_APARTMENT", 5);
        long publicHome = institution("公办敬老院", "PUBLIC", "RURAL_NURSING_HOME", 4);
        admit(fixtures.person("本地一", LocalDate.of(1945, 1, 1), true, "NONE"), shared);
        admit(fixtures.person("本地二", LocalDate.of(1946, 1, 1), true, "NONE"), shared);
        admit(fixtures.person("外地一", LocalDate.of(1947, 1, 1), false, "NONE"), shared);
        admit(fixtures.person("公寓本地", LocalDate.of(1945, 2, 1), true, "NONE"), apartment);
        admit(fixtures.person("公办本地", LocalDate.of(1945, 3, 1), true, "NONE"), publicHome);

        JsonNode run = fixtures.run("INSTITUTION_OPERATING", "2031-03");
        long id = run.get("id").asLong();
        // 2 local residents × 200 (three stars) × 0.5
        assertThat(amount(id, "INSTITUTION", shared)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("200"));
        assertThat(amount(id, "INSTITUTION", apartment)).isEmpty();
        assertThat(amount(id, "INSTITUTION", publicHome)).isEmpty();
        assertThat(QuoteClient.amount(quotes.quoteSubject("INSTITUTION_OPERATING", "2031-03-10", shared)))
                .isEqualByComparingTo("200");
        JsonNode apartmentQuote = quotes.quoteSubject("INSTITUTION_OPERATING", "2031-03-10", apartment);
        assertThat(apartmentQuote.get("reasonCodes").get(0).asString()).isEqualTo("subsidies.reason.not.senior-apartment");
        // the construction subsidy of a real record: 10 nursing beds, owned, operating since 2020
        JsonNode construction = quotes.quoteSubject("INSTITUTION_CONSTRUCTION", "2026-05-01", apartment);
        assertThat(QuoteClient.amount(construction)).isEqualByComparingTo("110000");
        assertThat(quotes.quoteSubject("INSTITUTION_CONSTRUCTION", "2026-05-01", shared).get("reasonCodes").get(0)
                .asString()).isEqualTo("subsidies.reason.not.not-private");
    }

    @Test
    void childcareProvidersArePaidPerEnrolledChildByClassType() throws Exception {
        JsonNode provider = fixtures.body(fixtures.asAdmin("POST", "/api/v1/childcare-providers", """
                {"name":"补贴托育园","divisionCode":"%s","kind":"STANDALONE","filed":true,"filedOn":"2025-06-01",
                 "approvedSlots":10,"affordable":true,"premises":"OWNED","classes":[{"type":"TODDLER","capacity":10}]}
                """.formatted(PlatformTest.HECHENG)));
        long providerId = provider.get("id").asLong();
        long classId = provider.get("classes").get(0).get("id").asLong();
        mvc.perform(put("/api/v1/childcare-providers/" + providerId + "/classes/" + classId + "/carers")
                .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"carers\":2}")).andReturn();
        for (String name : List.of("托小甲", "托小乙")) {
            long child = fixtures.person(name, LocalDate.of(2025, 6, 1), true, "NONE");
            var enrolled = fixtures.asAdmin("POST", "/api/v1/enrolments", """
                    {"personId":%d,"providerId":%d,"classId":%d,"from":"2026-10-01"}
                    """.formatted(child, providerId, classId));
            assertThat(enrolled.andReturn().getResponse().getStatus())
                    .as(enrolled.andReturn().getResponse().getContentAsString()).isEqualTo(201);
        }
        JsonNode run = fixtures.run("CHILDCARE_OPERATING", "2026-10");
        assertThat(amount(run.get("id").asLong(), "PROVIDER", providerId))
                .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("500"));
        assertThat(QuoteClient.amount(quotes.quoteSubject("CHILDCARE_OPERATING", "2026-10-15", providerId)))
                .isEqualByComparingTo("500");
    }

    @Test
    void theAllowanceStopsAfterTheThirdBirthdayAndTheChangeListSaysSo() throws Exception {
        long lastMonth = fixtures.person("三岁生日", LocalDate.of(2026, 6, 15).minusYears(3), true, "NONE");
        long newborn = fixtures.person("新生儿", LocalDate.of(2026, 5, 20), true, "NONE");
        JsonNode june = fixtures.run("CHILDCARE_ALLOWANCE", "2026-06");
        JsonNode july = fixtures.run("CHILDCARE_ALLOWANCE", "2026-07");
        assertThat(amount(june.get("id").asLong(), "PERSON", lastMonth))
                .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("300"));
        assertThat(amount(july.get("id").asLong(), "PERSON", lastMonth)).isEmpty();
        assertThat(amount(june.get("id").asLong(), "PERSON", newborn))
                .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("300"));
        assertThat(jdbc.sql("select reason from subsidies.run_change where run_id = :r and subject_id = :p")
                .param("r", july.get("id").asLong()).param("p", lastMonth).query(String.class).single())
                .isEqualTo("TURNED_THREE");
        for (String month : List.of("2026-06", "2026-07")) {
            JsonNode quote = quotes.quoteSubject("CHILDCARE_ALLOWANCE", month + "-10", lastMonth);
            assertThat(quote.get("eligible").asBoolean()).isEqualTo(month.equals("2026-06"));
        }
    }
}
