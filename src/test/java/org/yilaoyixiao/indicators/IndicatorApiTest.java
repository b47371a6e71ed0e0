package org.yilaoyixiao.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The indicator API against the 2022 demo facilities (plan-facts.md §2). Other test classes add facilities to the
 * shared database; their contribution is read from the same published views and added, so the assertions hold in any
 * order while still pinning the demo data's own numbers.
 */
@PlatformTest
class IndicatorApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private ResultActions send(MockHttpServletRequestBuilder request, String body, String user, String password)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN").content(body == null ? "" : body));
    }

    private ResultActions admin(MockHttpServletRequestBuilder request, String body) throws Exception {
        return send(request, body, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode indicator(JsonNode list, String code) {
        for (JsonNode node : list) {
            if (node.get("code").asText().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no " + code);
    }

    /** What facilities that are not demo data add to a 2022 sum, read from the published views. */
    private long extra(String sql) {
        return jdbc.sql(sql).query((rs, n) -> rs.getLong(1)).single();
    }

    private static BigDecimal ratio(long numerator, long denominator, int scale) {
        return BigDecimal.valueOf(numerator * scale).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    @Test
    void allNineteenInTheTablesOrderWithBaselineTargetAndHowTheActualIsObtained() throws Exception {
        JsonNode list = body(admin(get("/api/v1/indicators").param("division", "331121").param("year", "2022"), null)
                .andExpect(status().isOk()));
        List<String> codes = new ArrayList<>();
        list.forEach(n -> codes.add(n.get("code").asText()));
        assertThat(codes).containsExactly("I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09", "I10", "I11",
                "I12", "I13", "I14", "I15", "I16", "I17", "I18", "I19");
        JsonNode i02 = indicator(list, "I02");
        assertThat(i02.get("target").get("comparator").asText()).isEqualTo("AT_LEAST_PROVINCIAL_AVERAGE");
        assertThat(i02.get("baseline").get("value").decimalValue()).isEqualByComparingTo("70.95");
        assertThat(i02.get("baseline").get("year").asInt()).isEqualTo(2022);
        JsonNode i16 = indicator(list, "I16");
        assertThat(i16.get("attribute").asText()).isEqualTo("BINDING");
        assertThat(i16.get("target").get("comparator").asText()).isEqualTo("AT_LEAST");
        JsonNode i10 = indicator(list, "I10");
        assertThat(i10.get("responsibleUnits").asText()).isEqualTo("县卫生健康局、县人力社保局");
        for (String reported : List.of("I01", "I02", "I04", "I09", "I13", "I14", "I16", "I19")) {
            assertThat(indicator(list, reported).get("actual").get("source").asText()).as(reported).isEqualTo("REPORTED");
        }
        for (String computed : List.of("I03", "I05", "I06", "I07", "I08", "I10", "I11", "I12", "I15", "I17", "I18")) {
            assertThat(indicator(list, computed).get("actual").get("source").asText()).as(computed).isEqualTo("COMPUTED");
        }
        // a computed indicator names no module that will compute it later (the time bank computes I17 and I18)
        JsonNode later = indicator(list, "I17").get("actual").get("computedLaterBy");
        assertThat(later == null || later.isNull()).as(String.valueOf(later)).isTrue();
        // the plan contradicts itself: both values kept with their sources
        JsonNode i01 = indicator(list, "I01");
        assertThat(i01.get("target").get("value").decimalValue()).isEqualByComparingTo("81.60");
        assertThat(i01.get("variants").toString()).contains("81.5", "§二(一)");
        assertThat(indicator(list, "I17").get("variants").toString()).contains("25", "30");
    }

    @Test
    void theDemoFacilitiesOf2022GiveThePlansNumbers() throws Exception {
        JsonNode list = body(admin(get("/api/v1/indicators").param("division", "331121").param("year", "2022"), null)
                .andExpect(status().isOk()));

        // I05: the 5 filed standalone institutions (28 kindergarten classes and the community point excluded)
        long extraFiled = extra("""
                select count(*) from facilities.published_childcare_provider
                where not synthetic and kind = 'STANDALONE' and filed and filed_on <= date '2022-12-31'""");
        JsonNode i05 = indicator(list, "I05");
        assertThat(i05.get("actual").get("value").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(5 + extraFiled));
        assertThat(i05.get("baseline").get("value").decimalValue()).isEqualByComparingTo("5");

        // I08: 695 nursing beds of 1023, beside the table's recorded baseline 67.3
        long extraNursing = extra("""
                select sum(nursing_beds) from facilities.published_institution
                where not synthetic and (opened_on is null or opened_on <= date '2022-12-31')""");
        long extraBeds = extra("""
                select sum(nursing_beds + assisted_beds) from facilities.published_institution
                where not synthetic and (opened_on is null or opened_on <= date '2022-12-31')""");
        JsonNode i08 = indicator(list, "I08").get("actual");
        assertThat(i08.get("numerator").asLong()).isEqualTo(695 + extraNursing);
        assertThat(i08.get("denominator").asLong()).isEqualTo(1023 + extraBeds);
        assertThat(i08.get("value").decimalValue()).isEqualByComparingTo(ratio(695 + extraNursing, 1023 + extraBeds, 100));
        assertThat(ratio(695, 1023, 100)).isEqualByComparingTo("67.94");
        assertThat(indicator(list, "I08").get("baseline").get("value").decimalValue()).isEqualByComparingTo("67.3");
        assertThat(indicator(list, "I08").get("variants").toString()).contains("67.94", "695/1023");
        // a floor target (≥ 60): achieved while the share stays at or above it (other tests' beds can pull it below)
        if (i08.get("value").decimalValue().compareTo(BigDecimal.valueOf(60)) >= 0) {
            assertThat(indicator(list, "I08").get("status").asText()).isEqualTo("ACHIEVED");
        } else {
            assertThat(indicator(list, "I08").get("status").asText()).isIn("AT_RISK", "OFF_TRACK");
        }

        // I06: 1200 slots over the resident population entered for 2022 (363,636, from the plan's own figures)
        long extraSlots = extra("""
                select sum(approved_slots) from facilities.published_childcare_provider
                where not synthetic and (filed_on is null or filed_on <= date '2022-12-31')""");
        JsonNode i06 = indicator(list, "I06").get("actual");
        assertThat(i06.get("numerator").asLong()).isEqualTo(1200 + extraSlots);
        assertThat(i06.get("denominator").asLong()).isEqualTo(363_636);
        assertThat(i06.get("value").decimalValue()).isEqualByComparingTo(ratio(1200 + extraSlots, 363_636, 1000));
        assertThat(ratio(1200, 363_636, 1000)).isEqualByComparingTo("3.30");

        // I10: the 450 childcare professionals of the demo staff lists
        long extraWorkers = extra("select count(*) from facilities.published_staff where not synthetic"
                + " and role = 'CHILDCARE_WORKER'");
        assertThat(indicator(list, "I10").get("actual").get("value").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(450 + extraWorkers));
    }

    @Test
    void townshipChildcareCoverageIsFifteenOfThirtyTwo() throws Exception {
        JsonNode list = body(admin(get("/api/v1/indicators/text-targets").param("division", "331121")
                .param("year", "2022"), null).andExpect(status().isOk()));
        // townships that only other tests' providers cover
        long extraTownships = extra("""
                select count(distinct substr(division_code, 1, 9)) from facilities.published_childcare_provider p
                where (filed_on is null or filed_on <= date '2022-12-31')
                  and not exists (select 1 from facilities.published_childcare_provider d
                                  where d.synthetic and substr(d.division_code, 1, 9) = substr(p.division_code, 1, 9))""");
        JsonNode coverage = indicator(list, "S01");
        assertThat(coverage.get("actual").get("numerator").asLong()).isEqualTo(15 + extraTownships);
        assertThat(coverage.get("actual").get("denominator").asLong()).isEqualTo(32);
        assertThat(coverage.get("actual").get("value").decimalValue())
                .isEqualByComparingTo(ratio(15 + extraTownships, 32, 100));
        assertThat(ratio(15, 32, 100)).isEqualByComparingTo("46.88");
        assertThat(coverage.get("target").get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(coverage.get("target").get("comparator").asText()).isEqualTo("AT_LEAST");
        assertThat(indicator(list, "S02").get("target").get("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(indicator(list, "S02").get("actual").get("denominator").asLong()).isEqualTo(95_900);
    }

    @Test
    void statisticsAreEnteredByBureauStaffAndAuditedAndDivideTheSlots() throws Exception {
        String bureau = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        // 万山乡 has no demo childcare; the township's own figure is its denominator
        String township = "331121200";
        send(put("/api/v1/statistics/" + township + "/2023"), """
                {"residentPopulation":4000,"population60Plus":1500,"births":20,"source":"县统计局2023年统计年鉴"}""",
                bureau, Accounts.PASSWORD)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.residentPopulation").value(4000))
                .andExpect(jsonPath("$.enteredBy").value(bureau))
                .andExpect(jsonPath("$.source").value("县统计局2023年统计年鉴"));
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'INDICATOR_STATISTICS_SET'"
                        + " and target = :t and actor = :a").param("t", "statistics:" + township + ":2023")
                .param("a", bureau).query(Long.class).single()).isEqualTo(1);
        JsonNode list = body(admin(get("/api/v1/indicators").param("division", township).param("year", "2023"), null));
        JsonNode i06 = indicator(list, "I06").get("actual");
        assertThat(i06.get("denominator").asLong()).isEqualTo(4000);
        assertThat(i06.get("value").decimalValue()).isEqualByComparingTo(ratio(i06.get("numerator").asLong(), 4000, 1000));

        // validation names each field; township staff may not enter statistics
        send(put("/api/v1/statistics/" + township + "/2023"), "{\"residentPopulation\":100,\"population60Plus\":200,"
                + "\"births\":-1}", bureau, Accounts.PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'population60Plus')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'births')]").exists());
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", township);
        send(put("/api/v1/statistics/" + township + "/2023"), "{\"residentPopulation\":100}", clerk, Accounts.PASSWORD)
                .andExpect(status().isForbidden());
    }

    @Test
    void aReportedValueIsAuditedAndShownAndAComputedOneIsRefused() throws Exception {
        String bureau = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        String value = "80.%02d".formatted((int) (System.nanoTime() % 100));
        send(post("/api/v1/indicators/I01/reports"), """
                {"divisionCode":"%s","year":2023,"value":%s,"evidence":"县卫健局2023年卫生统计公报第3页"}"""
                .formatted(PlatformTest.HECHENG, value), bureau, Accounts.PASSWORD)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reportedBy").value(bureau));
        assertThat(jdbc.sql("select detail from audit.audit_event where type = 'INDICATOR_VALUE_REPORTED'"
                        + " and target = :t and actor = :a order by id desc limit 1")
                .param("t", "indicator:I01:" + PlatformTest.HECHENG + ":2023").param("a", bureau)
                .query(String.class).single()).contains("value=" + value, "卫生统计公报");
        JsonNode i01 = indicator(body(admin(get("/api/v1/indicators").param("division", PlatformTest.HECHENG)
                .param("year", "2023"), null)), "I01");
        assertThat(i01.get("actual").get("value").decimalValue()).isEqualByComparingTo(value);
        assertThat(i01.get("actual").get("source").asText()).isEqualTo("REPORTED");
        assertThat(i01.get("actual").get("reportedBy").asText()).isEqualTo(bureau);
        assertThat(i01.get("actual").get("evidence").asText()).contains("卫生统计公报");

        send(post("/api/v1/indicators/I08/reports"), """
                {"divisionCode":"331121","year":2023,"value":70,"evidence":"x"}""", bureau, Accounts.PASSWORD)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));
        send(post("/api/v1/indicators/I13/reports"), "{\"divisionCode\":\"331121\",\"year\":2023,\"value\":120}",
                bureau, Accounts.PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'value')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'evidence')]").exists());
    }

    /** An institution with the given beds in a division, through the facilities API. */
    private void institution(String division, int nursing, int assisted) throws Exception {
        admin(post("/api/v1/institutions"), """
                {"name":"%s","divisionCode":"%s","operationModel":"PRIVATE","profitType":"NON_PROFIT",
                 "kind":"CARE_HOME","premises":"OWNED","medicalPartnership":false,"smartCareHome":false,
                 "beds":[{"type":"NURSING","approved":%d,"cognitive":0},{"type":"ASSISTED","approved":%d,"cognitive":0}]}
                """.formatted(Accounts.unique("汇总测试院"), division, nursing, assisted)).andExpect(status().isCreated());
    }

    private JsonNode nursingShare(String division) throws Exception {
        return indicator(body(admin(get("/api/v1/indicators").param("division", division), null)), "I08").get("actual");
    }

    @Test
    void aTwoTownshipRollUpWorkedOutByHand() throws Exception {
        // 东源镇 and 高湖镇 have no demo institutions. 东源镇: two villages, 90 of 100 and 10 of 100 nursing beds →
        // 100 / 200 = 50 %. 高湖镇: one township institution, 30 of 300 → 10 %. The county gains 130 of 500 — not
        // the 30 % an average of the two townships' ratios would give.
        String dongyuan = "331121102";
        String gaohu = "331121103";
        JsonNode before = nursingShare("331121");
        JsonNode dongyuanBefore = nursingShare(dongyuan);
        JsonNode gaohuBefore = nursingShare(gaohu);
        institution(dongyuan + "901", 90, 10);
        institution(dongyuan + "902", 10, 90);
        institution(gaohu, 30, 270);
        JsonNode d = nursingShare(dongyuan);
        JsonNode g = nursingShare(gaohu);
        assertThat(d.get("numerator").asLong() - dongyuanBefore.get("numerator").asLong()).isEqualTo(100);
        assertThat(d.get("denominator").asLong() - dongyuanBefore.get("denominator").asLong()).isEqualTo(200);
        assertThat(g.get("numerator").asLong() - gaohuBefore.get("numerator").asLong()).isEqualTo(30);
        assertThat(g.get("denominator").asLong() - gaohuBefore.get("denominator").asLong()).isEqualTo(300);
        if (dongyuanBefore.get("denominator").asLong() == 0 && gaohuBefore.get("denominator").asLong() == 0) {
            assertThat(d.get("value").decimalValue()).isEqualByComparingTo("50.00");
            assertThat(g.get("value").decimalValue()).isEqualByComparingTo("10.00");
        }
        JsonNode after = nursingShare("331121");
        long numerator = after.get("numerator").asLong();
        long denominator = after.get("denominator").asLong();
        assertThat(numerator - before.get("numerator").asLong()).isEqualTo(130);
        assertThat(denominator - before.get("denominator").asLong()).isEqualTo(500);
        assertThat(after.get("value").decimalValue()).isEqualByComparingTo(ratio(numerator, denominator, 100));
        // a village sees its own institution only
        assertThat(nursingShare(dongyuan + "901").get("denominator").asLong()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aTrendRunsFromTheBaselineYearWithThePath() throws Exception {
        JsonNode trend = body(admin(get("/api/v1/indicators/I05/trend").param("division", "331121"), null)
                .andExpect(status().isOk()));
        assertThat(trend.get(0).get("year").asInt()).isEqualTo(2022);
        assertThat(trend.get(0).get("expectedOnPath").decimalValue()).isEqualByComparingTo("5");
        // 5 → 6 over three years: the path stands at 5.33 after the first
        assertThat(trend.get(1).get("year").asInt()).isEqualTo(2023);
        assertThat(trend.get(1).get("expectedOnPath").decimalValue().setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("5.33");
        assertThat(trend.get(trend.size() - 1).get("expectedOnPath").decimalValue()).isEqualByComparingTo("6");
        for (JsonNode point : trend) {
            assertThat(point.get("source").asText()).isEqualTo("COMPUTED");
            assertThat(point.get("value").decimalValue()).isEqualByComparingTo(point.get("numerator").asText());
        }
    }

    @Test
    void aTownshipClerkSeesOnlyTheirTownship() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        send(get("/api/v1/indicators").param("year", "2022"), null, clerk, Accounts.PASSWORD)
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(19));
        send(get("/api/v1/indicators").param("division", PlatformTest.HECHENG), null, clerk, Accounts.PASSWORD)
                .andExpect(status().isForbidden());
        admin(get("/api/v1/indicators").param("year", "2999"), null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }
}
