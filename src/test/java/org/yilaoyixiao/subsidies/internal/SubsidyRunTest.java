package org.yilaoyixiao.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.subsidies.QuoteClient;
import org.yilaoyixiao.subsidies.SubsidyFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * Monthly runs end to end. Every test uses its own months (the database is shared) and asserts only on its own people:
 * the runs also cover the demo population and other tests' records.
 */
@PlatformTest
class SubsidyRunTest {

    private static final String ELDERLY = "ELDERLY_SERVICE_SUBSIDY";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RunComputation computation;

    SubsidyFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SubsidyFixtures(mvc, json);
    }

    record StoredLine(String kind, LocalDate forMonth, BigDecimal amount, String basis) {
    }

    private Map<Long, List<StoredLine>> lines(long runId, List<Long> people) {
        return jdbc.sql("""
                select subject_id, kind, for_month, amount, coalesce(explanation ->> 'basis', explanation ->> 0) as basis from subsidies.run_line
                where run_id = :run and subject_type = 'PERSON' and subject_id in (:people) order by id
                """).param("run", runId).param("people", people)
                .query((rs, n) -> Map.entry(rs.getLong(1), new StoredLine(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5)))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private long count(String sql, long runId) {
        return jdbc.sql(sql).param("run", runId).query(Long.class).single();
    }

    private Optional<String> change(long runId, long person, String change) {
        return jdbc.sql("select reason from subsidies.run_change where run_id = :run and subject_id = :p and change = :c")
                .param("run", runId).param("p", person).param("c", change).query(String.class).optional();
    }

    @Test
    void aRunPaysEachEligibleElderWithTheReasonAndAgreesWithTheQuote() throws Exception {
        LocalDate end = LocalDate.of(2030, 5, 31);
        long ninety = fixtures.person("满九十", end.minusYears(90), false, "NONE");
        long eightyNine = fixtures.person("差一天九十", end.minusYears(90).plusDays(1), false, "NONE");
        long eighty = fixtures.person("低保八十", end.minusYears(80), true, "MINIMUM_LIVING");
        long disabled = fixtures.person("低保失能", end.minusYears(70), true, "MINIMUM_LIVING");
        long unassessed = fixtures.person("低保未评估", end.minusYears(70), true, "MINIMUM_LIVING");
        fixtures.assess(disabled, "2030-05-10", 2);
        List<Long> people = List.of(ninety, eightyNine, eighty, disabled, unassessed);
        // the assessment is on the person's timeline, dated when it was made
        assertThat(fixtures.asAdmin("GET", "/api/v1/persons/" + disabled + "/timeline", null).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("能力评估：中度失能").contains("\"date\":\"2030-05-10\"");

        JsonNode run = fixtures.run(ELDERLY, "2030-05");
        assertThat(run.get("status").asString()).isEqualTo("DRAFT");
        assertThat(run.get("progress").asInt()).isEqualTo(100);
        long id = run.get("id").asLong();
        Map<Long, List<StoredLine>> lines = lines(id, people);
        assertThat(lines.get(ninety)).containsExactly(
                new StoredLine("REGULAR", LocalDate.of(2030, 5, 1), new BigDecimal("50.00"), "AGE_90"));
        assertThat(lines).doesNotContainKey(eightyNine).doesNotContainKey(unassessed);
        assertThat(lines.get(eighty).get(0).basis()).isEqualTo("LOW_INCOME_AGE_80");
        assertThat(lines.get(disabled)).containsExactly(
                new StoredLine("REGULAR", LocalDate.of(2030, 5, 1), new BigDecimal("200.00"), "LOW_INCOME_DISABLED"));
        assertThat(run.get("lineCount").asLong()).isEqualTo(count("select count(*) from subsidies.run_line where run_id = :run", id));

        // the quote for the same person and month gives the same amount as the run line
        QuoteClient quotes = new QuoteClient(mvc, json);
        for (long person : people) {
            JsonNode quote = quotes.quoteSubject(ELDERLY, "2030-05-15", person);
            BigDecimal inRun = lines.getOrDefault(person, List.of()).stream().map(StoredLine::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(QuoteClient.amount(quote)).as("person %d", person).isEqualByComparingTo(inRun);
        }

        // the line's explanation is there to drill into
        JsonNode page = fixtures.body(fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + id
                + "/lines?township=331121001&size=200", null));
        assertThat(page.get("totalElements").asLong()).isPositive();
        long lineId = jdbc.sql("select id from subsidies.run_line where run_id = :run and subject_id = :p "
                        + "and kind = 'REGULAR'")
                .param("run", id).param("p", disabled).query(Long.class).single();
        fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + id + "/lines/" + lineId, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation.basis").value("LOW_INCOME_DISABLED"))
                .andExpect(jsonPath("$.explanation.facts.capabilityLevel").value(2))
                .andExpect(jsonPath("$.explanation.facts.age").value(70))
                .andExpect(jsonPath("$.explanation.parameters[0]").value("elderly-service-subsidy.level2"))
                .andExpect(jsonPath("$.parameters[?(@.parameter == 'elderly-service-subsidy.level2')].rate").value(200))
                .andExpect(jsonPath("$.parameters[?(@.parameter == 'elderly-service-subsidy.level2')].reference")
                        .value("待县民政局/卫健局确认"))
                .andExpect(jsonPath("$.idNumberMasked").value(org.hamcrest.Matchers.containsString("*")));
        fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + id + "/townships", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.townshipCode == '331121001')].townshipName").value("鹤城街道"));

        // next month: the unassessed elder is assessed disabled (newly qualifies), the disabled one recovers
        fixtures.assess(unassessed, "2030-06-02", 3);
        fixtures.assess(disabled, "2030-06-03", 0);
        JsonNode june = fixtures.run(ELDERLY, "2030-06");
        long juneId = june.get("id").asLong();
        assertThat(change(juneId, unassessed, "ADDED")).contains("LOW_INCOME_DISABLED");
        assertThat(change(juneId, disabled, "REMOVED")).contains("BELOW_DISABILITY_THRESHOLD");
        assertThat(change(juneId, ninety, "ADDED")).isEmpty();
        assertThat(change(juneId, ninety, "REMOVED")).isEmpty();
        assertThat(lines(juneId, people).get(unassessed).get(0).amount()).isEqualByComparingTo("300");
        fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + juneId + "/changes", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.ADDED").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.changes[?(@.subjectId == " + disabled + ")].reason")
                        .value("BELOW_DISABILITY_THRESHOLD"));
    }

    @Test
    void reRunningADraftReplacesItsLinesAndAnApprovedMonthIsFrozen() throws Exception {
        long elder = fixtures.person("重算老人", LocalDate.of(1935, 1, 1), true, "NONE");
        JsonNode first = fixtures.run(ELDERLY, "2030-08");
        long id = first.get("id").asLong();
        long lineCount = first.get("lineCount").asLong();
        JsonNode second = fixtures.run(ELDERLY, "2030-08");
        assertThat(second.get("id").asLong()).isEqualTo(id);
        assertThat(second.get("lineCount").asLong()).isEqualTo(lineCount);
        assertThat(second.get("total").decimalValue()).isEqualByComparingTo(first.get("total").decimalValue());
        assertThat(count("select count(*) from subsidies.run_line where run_id = :run", id)).isEqualTo(lineCount);
        assertThat(count("select count(*) from (select subject_id from subsidies.run_line where run_id = :run "
                + "and kind = 'REGULAR' group by subject_id having count(*) > 1) d", id)).isZero();
        assertThat(lines(id, List.of(elder)).get(elder)).hasSize(1);

        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/runs/" + id + "/approve", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        fixtures.asAdmin("POST", "/api/v1/subsidies/runs", "{\"programme\":\"" + ELDERLY + "\",\"month\":\"2030-08\"}")
                .andExpect(status().isConflict());
        assertThat(count("select count(*) from subsidies.run_line where run_id = :run", id)).isEqualTo(lineCount);
    }

    @Test
    void aRunKilledMidwayKeepsOneSetOfLinesAndARerunGivesExactlyOne() throws Exception {
        fixtures.person("中断老人", LocalDate.of(1936, 2, 2), true, "NONE");
        // killed during its very first computation: no lines at all, then a re-run gives one set
        computation.afterLinesWritten = () -> {
            throw new IllegalStateException("killed in the middle of the run");
        };
        long id;
        try {
            JsonNode killed = fixtures.run(ELDERLY, "2030-09");
            id = killed.get("id").asLong();
            assertThat(killed.get("status").asString()).isEqualTo("FAILED");
            assertThat(count("select count(*) from subsidies.run_line where run_id = :run", id)).isZero();
        } finally {
            computation.afterLinesWritten = () -> {
            };
        }
        JsonNode rerun = fixtures.run(ELDERLY, "2030-09");
        assertThat(rerun.get("id").asLong()).isEqualTo(id);
        assertThat(rerun.get("status").asString()).isEqualTo("DRAFT");
        long lineCount = rerun.get("lineCount").asLong();
        assertThat(lineCount).isPositive();

        // killed while re-computing a draft: the previous complete set stays, a re-run gives exactly one set
        computation.afterLinesWritten = () -> {
            throw new IllegalStateException("killed again");
        };
        try {
            assertThatThrownBy(() -> computation.compute(id)).hasMessageContaining("killed again");
        } finally {
            computation.afterLinesWritten = () -> {
            };
        }
        assertThat(count("select count(*) from subsidies.run_line where run_id = :run", id)).isEqualTo(lineCount);
        JsonNode again = fixtures.run(ELDERLY, "2030-09");
        assertThat(again.get("lineCount").asLong()).isEqualTo(lineCount);
        assertThat(count("select count(*) from subsidies.run_line where run_id = :run", id)).isEqualTo(lineCount);
        assertThat(count("select count(*) - count(distinct subject_id) from subsidies.run_line where run_id = :run "
                + "and kind = 'REGULAR'", id)).isZero();
    }

    @Test
    void aRetroactiveRateBecomesArrearsInTheNextRun() throws Exception {
        long elder = fixtures.person("追溯老人", LocalDate.of(1963, 1, 10), true, "EXTREME_POVERTY");
        fixtures.assess(elder, "2033-01-05", 3);
        JsonNode march = fixtures.run(ELDERLY, "2033-03");
        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/runs/" + march.get("id").asLong()
                + "/approve", null).andExpect(status().isOk());
        assertThat(lines(march.get("id").asLong(), List.of(elder)).get(elder).get(0).amount()).isEqualByComparingTo("300");

        // the bureau confirms a higher level-3 rate, from March (after March was paid)
        fixtures.asAdmin("POST", "/api/v1/policy/parameters/elderly-service-subsidy.level3/values", """
                {"effectiveFrom":"2033-03-01","value":350,"reference":"青民〔2033〕1号 第三条"}""")
                .andExpect(status().isCreated());
        JsonNode april = fixtures.run(ELDERLY, "2033-04");
        List<StoredLine> aprilLines = lines(april.get("id").asLong(), List.of(elder)).get(elder);
        assertThat(aprilLines).containsExactlyInAnyOrder(
                new StoredLine("REGULAR", LocalDate.of(2033, 4, 1), new BigDecimal("350.00"), "LOW_INCOME_DISABLED"),
                new StoredLine("ARREARS", LocalDate.of(2033, 3, 1), new BigDecimal("50.00"), "ADJUSTMENT"));

        long arrears = jdbc.sql("select id from subsidies.run_line where run_id = :run and subject_id = :p "
                + "and kind = 'ARREARS'").param("run", april.get("id").asLong()).param("p", elder).query(Long.class).single();
        fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + april.get("id").asLong() + "/lines/" + arrears, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation.due").value(350.0))
                .andExpect(jsonPath("$.explanation.paid").value(300.0))
                // what was due is explained as any line is: the facts of that month, with the age then
                .andExpect(jsonPath("$.explanation.dueExplanation.basis").value("LOW_INCOME_DISABLED"))
                .andExpect(jsonPath("$.explanation.dueExplanation.facts.age").value(70))
                .andExpect(jsonPath("$.parameters[?(@.parameter == 'elderly-service-subsidy.level3')].reference")
                        .value("青民〔2033〕1号 第三条"));

        // recoveries when the review finds the family was never in poverty: approve April, then correct the record
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/runs/" + april.get("id").asLong()
                + "/approve", null).andExpect(status().isOk());
        fixtures.changeEconomicStatus(elder, "NONE");
        JsonNode may = fixtures.run(ELDERLY, "2033-05");
        assertThat(lines(may.get("id").asLong(), List.of(elder)).get(elder)).containsExactlyInAnyOrder(
                new StoredLine("RECOVERY", LocalDate.of(2033, 3, 1), new BigDecimal("-350.00"), "ADJUSTMENT"),
                new StoredLine("RECOVERY", LocalDate.of(2033, 4, 1), new BigDecimal("-350.00"), "ADJUSTMENT"));
        assertThat(change(may.get("id").asLong(), elder, "REMOVED")).contains("NOT_LOW_INCOME");
    }

    @Test
    void theApproverCannotBeThePreparerAndThePaymentListMasksIdNumbers() throws Exception {
        long elder = fixtures.person("名册老人", LocalDate.of(1934, 3, 3), true, "NONE");
        JsonNode run = fixtures.run(ELDERLY, "2030-11");
        long id = run.get("id").asLong();
        fixtures.asAdmin("POST", "/api/v1/subsidies/runs/" + id + "/approve", null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("审批人不能是制单人：请由另一位工作人员审批。"));
        assertThat(fixtures.asAdmin("GET", "/api/v1/persons/" + elder + "/timeline", null).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("SUBSIDY_REGULAR");
        assertThat(jdbc.sql("select status from subsidies.run where id = :run").param("run", id).query(String.class)
                .single()).isEqualTo("DRAFT");
        fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + id + "/payment-list.csv", null)
                .andExpect(status().isConflict());
        String township = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        fixtures.send(township, Accounts.PASSWORD, "POST", "/api/v1/subsidies/runs/" + id + "/approve", null)
                .andExpect(status().isForbidden());

        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        fixtures.send(checker, Accounts.PASSWORD, "POST", "/api/v1/subsidies/runs/" + id + "/approve", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvedBy").value(checker))
                .andExpect(jsonPath("$.preparedBy").value(PlatformTest.ADMIN));
        // the approved payment is on the person's timeline (a draft was not)
        String timeline = fixtures.asAdmin("GET", "/api/v1/persons/" + elder + "/timeline", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(timeline).contains("养老服务补贴 2030-11：发放").contains("SUBSIDY_REGULAR");

        String csv = fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + id + "/payment-list.csv", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String masked = fixtures.body(fixtures.asAdmin("GET", "/api/v1/persons/" + elder, null))
                .get("idNumberMasked").asString();
        assertThat(csv).contains("名册老人").contains(masked).doesNotContainPattern("\\d{17}[\\dX]");
        assertThat(csv.lines().count()).isEqualTo(run.get("lineCount").asLong() + 1);

        byte[] xlsx = fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + id + "/payment-list.xlsx", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(run.get("lineCount").asInt());
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("身份证号（脱敏）");
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'SUBSIDY_PAYMENT_LIST_EXPORTED' "
                + "and target = :t").param("t", "subsidy-run:" + id).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'SUBSIDY_RUN_APPROVAL_REFUSED' "
                + "and target = :t").param("t", "subsidy-run:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneTimeProgrammesHaveNoRunsAndTownshipStaffCannotStartOne() throws Exception {
        fixtures.asAdmin("POST", "/api/v1/subsidies/runs", "{\"programme\":\"INSTITUTION_CONSTRUCTION\",\"month\":\"2030-01\"}")
                .andExpect(status().isBadRequest());
        fixtures.asAdmin("POST", "/api/v1/subsidies/runs", "{\"programme\":\"" + ELDERLY + "\",\"month\":\"2030-13\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        fixtures.asAdmin("POST", "/api/v1/subsidies/runs", "{\"programme\":\"CHILDCARE_ALLOWANCE\",\"month\":\"2024-12\"}")
                .andExpect(status().isConflict());
        String bureau = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        fixtures.send(bureau, Accounts.PASSWORD, "POST", "/api/v1/subsidies/runs",
                "{\"programme\":\"" + ELDERLY + "\",\"month\":\"2030-12\"}").andExpect(status().isForbidden());
    }
}
