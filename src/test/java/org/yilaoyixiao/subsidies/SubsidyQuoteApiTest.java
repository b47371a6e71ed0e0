package org.yilaoyixiao.subsidies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class SubsidyQuoteApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    QuoteClient quotes;

    @BeforeEach
    void client() {
        quotes = new QuoteClient(mvc, json);
    }

    private static List<String> reasonCodes(JsonNode quote) {
        List<String> codes = new ArrayList<>();
        quote.get("reasonCodes").forEach(c -> codes.add(c.asString()));
        return codes;
    }

    private JsonNode construction(String model, String premises, Integer leaseYears, int months, String star,
                                  int nursing, int assisted) throws Exception {
        return quotes.quote("INSTITUTION_CONSTRUCTION", "2026-05-01", """
                {"operationModel":"%s","premises":"%s",%s"operatingMonths":%d,"starRating":%s,
                 "beds":{"NURSING":%d,"ASSISTED":%d}}
                """.formatted(model, premises, leaseYears == null ? "" : "\"leaseYears\":" + leaseYears + ",", months,
                star, nursing, assisted));
    }

    @ParameterizedTest(name = "{0} {1}: {2} nursing × {3} + {4} assisted × {5}")
    @CsvSource({
            "OWNED, , 10, 11000, 0, 8000",
            "OWNED, , 0, 11000, 7, 8000",
            "LEASED, 5, 10, 6300, 0, 4500",
            "LEASED, 8, 0, 6300, 7, 4500"})
    void constructionPaysEveryCellOfTheTable(String premises, Integer leaseYears, int nursing, int nursingRate,
                                             int assisted, int assistedRate) throws Exception {
        JsonNode quote = construction("PRIVATE", premises, leaseYears, 12, "3", nursing, assisted);
        assertThat(quote.get("eligible").asBoolean()).isTrue();
        assertThat(QuoteClient.amount(quote))
                .isEqualByComparingTo(BigDecimal.valueOf((long) nursing * nursingRate + (long) assisted * assistedRate));
        assertThat(quote.get("lines").size()).isEqualTo((nursing > 0 ? 1 : 0) + (assisted > 0 ? 1 : 0));
        JsonNode first = quote.get("lines").get(0);
        String type = nursing > 0 ? "nursing" : "assisted";
        assertThat(first.get("parameter").asString())
                .isEqualTo("institution-construction." + premises.toLowerCase() + "." + type);
        assertThat(first.get("rate").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(nursing > 0 ? nursingRate : assistedRate));
        assertThat(first.get("reference").asString()).contains("丽政发〔2019〕43号");
        assertThat(quote.get("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void constructionNamesEachExclusion() throws Exception {
        JsonNode shortLease = construction("PRIVATE", "LEASED", 4, 24, "3", 10, 10);
        assertThat(shortLease.get("eligible").asBoolean()).isFalse();
        assertThat(QuoteClient.amount(shortLease)).isZero();
        assertThat(reasonCodes(shortLease)).containsExactly("subsidies.reason.not.lease-too-short");
        assertThat(shortLease.get("reasons").get(0).asString()).contains("4 年").contains("5 年");

        assertThat(reasonCodes(construction("PRIVATE", "OWNED", null, 24, "null", 10, 0)))
                .containsExactly("subsidies.reason.not.unrated");
        assertThat(reasonCodes(construction("PRIVATE", "OWNED", null, 11, "2", 10, 0)))
                .containsExactly("subsidies.reason.not.operated-too-short");
        assertThat(construction("PRIVATE", "OWNED", null, 12, "1", 10, 0).get("eligible").asBoolean()).isTrue();
        assertThat(reasonCodes(construction("PUBLIC", "OWNED", null, 24, "3", 10, 0)))
                .containsExactly("subsidies.reason.not.not-private");
        assertThat(reasonCodes(construction("PUBLIC_BUILT_PRIVATE_RUN", "OWNED", null, 24, "3", 10, 0)))
                .containsExactly("subsidies.reason.not.not-private");
        // everything wrong at once: every reason is given
        assertThat(reasonCodes(construction("PUBLIC", "LEASED", 2, 3, "null", 10, 0))).containsExactlyInAnyOrder(
                "subsidies.reason.not.not-private", "subsidies.reason.not.operated-too-short",
                "subsidies.reason.not.unrated", "subsidies.reason.not.lease-too-short");
    }

    @ParameterizedTest(name = "{0} stars, {1}: {2} per resident")
    @CsvSource({
            "1, PRIVATE, 120", "2, PRIVATE, 160", "3, PRIVATE, 200", "4, PRIVATE, 240", "5, PRIVATE, 300",
            "1, PUBLIC_BUILT_PRIVATE_RUN, 60", "3, PUBLIC_BUILT_PRIVATE_RUN, 100", "5, PUBLIC_BUILT_PRIVATE_RUN, 150"})
    void operatingPaysByStarAndHalfForPublicBuiltPrivateRun(int star, String model, int rate) throws Exception {
        JsonNode quote = quotes.quote("INSTITUTION_OPERATING", "2026-05-01", """
                {"operationModel":"%s","kind":"CARE_HOME","starRating":%d,"localResidents":7}
                """.formatted(model, star));
        assertThat(quote.get("eligible").asBoolean()).isTrue();
        assertThat(QuoteClient.amount(quote)).isEqualByComparingTo(BigDecimal.valueOf(7L * rate));
        assertThat(quote.get("lines").get(0).get("rate").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(rate));
    }

    @Test
    void operatingExcludesSeniorApartmentsPublicAndUnrated() throws Exception {
        assertThat(reasonCodes(quotes.quote("INSTITUTION_OPERATING", "2026-05-01", """
                {"operationModel":"PRIVATE","kind":"SENIOR_APARTMENT","starRating":5,"localResidents":7}""")))
                .containsExactly("subsidies.reason.not.senior-apartment");
        assertThat(reasonCodes(quotes.quote("INSTITUTION_OPERATING", "2026-05-01", """
                {"operationModel":"PUBLIC","kind":"CARE_HOME","starRating":5,"localResidents":7}""")))
                .containsExactly("subsidies.reason.not.public-institution");
        assertThat(reasonCodes(quotes.quote("INSTITUTION_OPERATING", "2026-05-01", """
                {"operationModel":"PRIVATE","kind":"CARE_HOME","starRating":null,"localResidents":7}""")))
                .containsExactly("subsidies.reason.not.unrated");
    }

    @Test
    void slotConstructionOnlyWhenCompletedAndFiledInTheSameYear() throws Exception {
        JsonNode same = quotes.quote("CHILDCARE_SLOT_CONSTRUCTION", "2026-05-01",
                "{\"approvedSlots\":60,\"completedYear\":2025,\"filedOn\":\"2025-12-31\"}");
        assertThat(QuoteClient.amount(same)).isEqualByComparingTo("120000");
        JsonNode later = quotes.quote("CHILDCARE_SLOT_CONSTRUCTION", "2026-05-01",
                "{\"approvedSlots\":60,\"completedYear\":2025,\"filedOn\":\"2026-01-01\"}");
        assertThat(later.get("eligible").asBoolean()).isFalse();
        assertThat(reasonCodes(later)).containsExactly("subsidies.reason.not.filed-another-year");
        assertThat(reasonCodes(quotes.quote("CHILDCARE_SLOT_CONSTRUCTION", "2026-05-01",
                "{\"approvedSlots\":60,\"completedYear\":2025,\"filedOn\":null}")))
                .containsExactly("subsidies.reason.not.not-filed");
    }

    @Test
    void childcareOperatingCountsNoMoreChildrenThanApprovedSlots() throws Exception {
        JsonNode within = quotes.quote("CHILDCARE_OPERATING", "2026-05-01",
                "{\"approvedSlots\":40,\"enrolled\":{\"INFANT\":5,\"TODDLER\":10}}");
        assertThat(QuoteClient.amount(within)).isEqualByComparingTo(BigDecimal.valueOf(5 * 300 + 10 * 250));
        JsonNode over = quotes.quote("CHILDCARE_OPERATING", "2026-05-01",
                "{\"approvedSlots\":12,\"enrolled\":{\"INFANT\":5,\"TODDLER\":10}}");
        // 5 infants and only 7 of the 10 toddlers count
        assertThat(QuoteClient.amount(over)).isEqualByComparingTo(BigDecimal.valueOf(5 * 300 + 7 * 250));
        assertThat(reasonCodes(over)).contains("subsidies.reason.childcare-operating.capped");
    }

    @ParameterizedTest(name = "born {0}, month of {1}: eligible {2}")
    @CsvSource({
            "2023-06-15, 2026-06-20, true",   // the month of the third birthday, birthday after the 1st: last month
            "2023-06-15, 2026-07-01, false",  // after the third birthday
            "2023-06-01, 2026-05-31, true",   // last month when the birthday is on the 1st
            "2023-06-01, 2026-06-01, false",  // third birthday on the 1st of the month: not that month
            "2026-03-01, 2026-03-01, true",   // born on the 1st: that month counts
            "2026-03-02, 2026-03-31, false",  // born after the 1st: from the next month
            "2024-12-15, 2024-12-20, false"})  // before the allowance existed (2025-01-01)
    void allowanceUntilTheThirdBirthday(String birth, String asOf, boolean eligible) throws Exception {
        JsonNode quote = quotes.quote("CHILDCARE_ALLOWANCE", asOf, "{\"birthDate\":\"%s\"}".formatted(birth));
        assertThat(quote.get("eligible").asBoolean()).isEqualTo(eligible);
        assertThat(QuoteClient.amount(quote)).isEqualByComparingTo(eligible ? "300" : "0");
    }

    @ParameterizedTest(name = "age {0}, local {1}, {2}, level {3}: {4}")
    @CsvSource({
            "90, false, NONE, null, 50",                    // everyone at 90
            "89, false, NONE, null, 0",                     // not at 89 without the other conditions
            "89, true, NONE, 4, 0",                         // not low-income
            "80, true, MINIMUM_LIVING, null, 50",           // low-income at 80, unassessed: level 0 rate
            "79, true, MINIMUM_LIVING, null, 0",            // 79 and not assessed: no
            "79, true, MINIMUM_LIVING, 0, 0",               // 79, capability intact: no
            "79, true, LOW_INCOME_MARGINAL, 1, 100",        // at the 失能 threshold (provisional: level 1)
            "60, true, EXTREME_POVERTY, 3, 300",            // at 60
            "59, true, EXTREME_POVERTY, 3, 0",              // under 60
            "60, false, EXTREME_POVERTY, 3, 0",             // not local
            "95, false, NONE, 2, 200"})                     // 90+: amount by level
    void elderlyServiceSubsidyAtEachConditionsEdge(int age, boolean local, String economic, String level,
                                                  int amount) throws Exception {
        JsonNode quote = quotes.quote("ELDERLY_SERVICE_SUBSIDY", "2026-05-01", """
                {"age":%d,"localHukou":%s,"economicStatus":"%s","capabilityLevel":%s}
                """.formatted(age, local, economic, level));
        assertThat(quote.get("eligible").asBoolean()).isEqualTo(amount > 0);
        assertThat(QuoteClient.amount(quote)).isEqualByComparingTo(BigDecimal.valueOf(amount));
        if (amount > 0) {
            assertThat(quote.get("lines").get(0).get("reference").asString()).isEqualTo("待县民政局/卫健局确认");
            assertThat(quote.get("parameters").findValues("provisional").stream().anyMatch(JsonNode::asBoolean))
                    .isTrue();
        }
    }

    @Test
    void unknownProgrammeAndMissingFactsAreNamed() throws Exception {
        quotes.ask("{\"programme\":\"FREE_LUNCH\",\"asOf\":\"2026-05-01\",\"facts\":{}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'programme')]").exists());
        quotes.ask("{\"programme\":\"INSTITUTION_CONSTRUCTION\",\"asOf\":\"2026-05-01\",\"facts\":{\"premises\":\"LEASED\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.operationModel')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.leaseYears')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.operatingMonths')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.starRating')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.beds')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.premises')]").doesNotExist());
        quotes.ask("{\"programme\":\"ELDERLY_SERVICE_SUBSIDY\",\"asOf\":\"2026-05-01\",\"facts\":{\"age\":70,"
                        + "\"localHukou\":true,\"economicStatus\":\"RICH\",\"capabilityLevel\":1}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.economicStatus')]").exists());
    }
}
