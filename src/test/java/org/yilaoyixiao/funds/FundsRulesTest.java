package org.yilaoyixiao.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rules after every movement, driven by bank-statement fixtures (src/test/resources/funds/*.csv) imported through
 * the statement API. Defaults: threshold 50 000 yuan, structuring = 3 outflows within 10 % below it in 7 days.
 */
@PlatformTest
class FundsRulesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    FundsFixtures funds;

    @BeforeEach
    void fixtures() {
        funds = new FundsFixtures(mvc, json);
    }

    private static String name(String prefix) {
        return prefix + System.nanoTime() % 1_000_000;
    }

    private List<String> kinds(long account) throws Exception {
        List<String> kinds = new ArrayList<>();
        funds.alerts(account).forEach(a -> kinds.add(a.get("kind").asString() + ":" + a.get("status").asString()));
        return kinds;
    }

    @Test
    void aBalanceBelowTheMinimumRaisesAnAlertAndATopUpNoticeUntilItIsRestored() throws Exception {
        long account = funds.account(name("资金低于最低余额院"), "0.5");
        funds.obligation(account, "DEPOSIT", "100000.00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.requiredMinimum").value(50000.00));
        // A new account with an obligation and no money yet is below its minimum at once.
        assertThat(kinds(account)).containsExactly("BELOW_MINIMUM:OPEN");
        funds.importStatement(account, "below-minimum.csv").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(4)).andExpect(jsonPath("$.duplicates").value(0));

        JsonNode state = funds.account(account);
        assertThat(state.get("balance").decimalValue()).isEqualByComparingTo("55000.00");
        assertThat(state.get("requiredMinimum").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(state.get("status").asString()).isEqualTo("NORMAL");
        // The first deposit restored the opening shortfall; BM-003 (45 000 left) fell below again; BM-004 restored it.
        assertThat(kinds(account)).containsExactly("BELOW_MINIMUM:RESOLVED", "BELOW_MINIMUM:RESOLVED");
        List<BigDecimal> shortfalls = jdbc.sql("select shortfall from funds.top_up_notice where custody_account_id = :a"
                + " order by id").param("a", account).query(BigDecimal.class).list();
        assertThat(shortfalls).hasSize(2);
        assertThat(shortfalls.get(1)).isEqualByComparingTo("5000.00");
        assertThat(jdbc.sql("select count(*) from funds.hold where custody_account_id = :a").param("a", account)
                .query(Integer.class).single()).isZero();

        // The bank pushes one more outflow to the operating account: below the minimum again.
        funds.push(account, """
                [{"bankRef":"BM-005","at":"2026-03-20T10:00:00+08:00","amount":6000.00,"direction":"OUT",
                  "counterpartyAccount":"%s","purpose":"支付伙食费"}]""".formatted(FundsFixtures.OPERATING))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
        state = funds.account(account);
        assertThat(state.get("balance").decimalValue()).isEqualByComparingTo("49000.00");
        assertThat(state.get("status").asString()).isEqualTo("BELOW_MINIMUM");
        assertThat(kinds(account)).containsExactly("BELOW_MINIMUM:OPEN", "BELOW_MINIMUM:RESOLVED",
                "BELOW_MINIMUM:RESOLVED");
    }

    @Test
    void aLargeOutflowPutsTheAccountOnHoldAndOnlyRefundsPassWithoutAViolation() throws Exception {
        long account = funds.account(name("大额支出院"), "0.1");
        // The file lists the movements out of order: the rules must still see them in event time.
        funds.importStatement(account, "large-outflow.csv").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(4));

        JsonNode state = funds.account(account);
        assertThat(state.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(state.get("balance").decimalValue()).isEqualByComparingTo("136500.00");
        JsonNode alerts = funds.alerts(account);
        List<String> detail = new ArrayList<>();
        alerts.forEach(a -> detail.add(a.get("kind").asString() + ":" + a.get("amount").decimalValue()
                .stripTrailingZeros().toPlainString()));
        // LO-002 (60 000) placed the hold; the refund LO-003 passed; LO-004 (2 000, not a refund) broke the hold.
        assertThat(detail).containsExactlyInAnyOrder("LARGE_OUTFLOW:60000", "HOLD_VIOLATION:2000");
        Long holdFrom = jdbc.sql("select extract(epoch from effective_from)::bigint from funds.hold"
                + " where custody_account_id = :a and placed_by is null").param("a", account).query(Long.class).single();
        assertThat(holdFrom).isEqualTo(java.time.OffsetDateTime.parse("2026-04-02T10:00:00+08:00").toEpochSecond());
    }

    @Test
    void severalOutflowsJustBelowTheThresholdWithinTheWindowPutTheAccountOnHold() throws Exception {
        long account = funds.account(name("拆分支出院"), "0.1");
        funds.importStatement(account, "structuring.csv").andExpect(status().isAccepted());

        assertThat(funds.account(account).get("status").asString()).isEqualTo("ON_HOLD");
        JsonNode alerts = funds.alerts(account);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("kind").asString()).isEqualTo("STRUCTURING");
        // ST-002 is ten days before the others, outside the 7-day window: the hold comes with the third, ST-005.
        assertThat(alerts.get(0).get("amount").decimalValue()).isEqualByComparingTo("46000");
        assertThat(jdbc.sql("select m.bank_ref from funds.alert al join funds.movement m on m.id = al.movement_id"
                + " where al.id = :id").param("id", alerts.get(0).get("id").asLong()).query(String.class).single())
                .isEqualTo("ST-005");
    }

    @Test
    void anOutflowToAnAccountThatIsNotDesignatedPutsTheAccountOnHold() throws Exception {
        long account = funds.account(name("非指定账户院"), "0.1");
        funds.importStatement(account, "non-designated.csv").andExpect(status().isAccepted());
        assertThat(funds.account(account).get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(kinds(account)).containsExactly("NON_DESIGNATED:OPEN");
    }

    @Test
    void theSameStatementTwiceChangesNothing() throws Exception {
        long account = funds.account(name("重复导入院"), "0.1");
        funds.importStatement(account, "large-outflow.csv").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(4)).andExpect(jsonPath("$.duplicates").value(0));
        String before = snapshot(account);
        funds.importStatement(account, "large-outflow.csv").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(4));
        // The bank pushing the same movements again is also a no-op.
        funds.push(account, """
                [{"bankRef":"LO-002","at":"2026-04-02T10:00:00+08:00","amount":60000.00,"direction":"OUT",
                  "counterpartyAccount":"%s","purpose":"支付装修款"}]""".formatted(FundsFixtures.OPERATING))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));
        assertThat(snapshot(account)).isEqualTo(before);
    }

    private String snapshot(long account) throws Exception {
        return funds.account(account).toString() + "|"
                + jdbc.sql("select count(*) from funds.movement where custody_account_id = :a").param("a", account)
                .query(Integer.class).single() + "|"
                + jdbc.sql("select count(*) from funds.alert where custody_account_id = :a").param("a", account)
                .query(Integer.class).single() + "|"
                + jdbc.sql("select count(*) from funds.hold where custody_account_id = :a").param("a", account)
                .query(Integer.class).single() + "|"
                + jdbc.sql("select string_agg(balance_after::text, ',' order by at, id) from funds.movement"
                + " where custody_account_id = :a").param("a", account).query(String.class).single();
    }

    @Test
    void aBadRowIsReportedInChineseWithRowAndColumnAndNothingIsStored() throws Exception {
        long account = funds.account(name("坏行导入院"), "0.1");
        funds.importStatement(account, "bad-row.csv").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("第 3 行第 3 列（金额）")))
                .andExpect(jsonPath("$.errors[1].message").value(org.hamcrest.Matchers.startsWith("第 4 行第 2 列（交易时间）")));
        assertThat(jdbc.sql("select count(*) from funds.movement where custody_account_id = :a").param("a", account)
                .query(Integer.class).single()).isZero();
        assertThat(funds.account(account).get("balance").decimalValue()).isZero();
    }

    @Test
    void theSampleStatementsInTheDocumentationImportAlike() throws Exception {
        for (String sample : List.of("funds-bank-statement-sample.csv", "funds-bank-statement-sample.xlsx")) {
            long account = funds.account(name("样例导入院"), "0.1");
            byte[] content = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/operations", sample));
            funds.importBytes(account, sample, content, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)
                    .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(4));
            assertThat(funds.account(account).get("balance").decimalValue()).as(sample)
                    .isEqualByComparingTo("55000.00");
        }
    }

    @Test
    void anXlsxStatementInTheSameLayoutIsImported() throws Exception {
        long account = funds.account(name("表格导入院"), "0.1");
        byte[] xlsx;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("流水");
            String[][] rows = {{"银行流水号", "交易时间", "金额", "收支方向", "对方账号", "用途"},
                    {"XL-001", "2026-08-01 09:00:00", null, "收入", "6217000000000601", "押金"},
                    {"XL-002", null, "1200.50", "支出", FundsFixtures.OPERATING, "支付货款"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 6; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            sheet.getRow(1).createCell(2).setCellValue(30000.0);
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            var cell = sheet.getRow(2).createCell(1);
            cell.setCellValue(java.time.LocalDateTime.of(2026, 8, 2, 10, 0));
            cell.setCellStyle(dateStyle);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        funds.importBytes(account, "statement.xlsx", xlsx, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(2));
        assertThat(funds.account(account).get("balance").decimalValue()).isEqualByComparingTo("28799.50");
    }
}
