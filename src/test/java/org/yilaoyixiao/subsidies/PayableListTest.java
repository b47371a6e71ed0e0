package org.yilaoyixiao.subsidies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/**
 * The payment list finance pays from (issue 19): a payee account recorded on the person form (validated, encrypted at
 * rest, masked on the page); finance downloads the approved run's list through the web session with the full ID
 * number and account, township subtotals and totals that add up to the run's own lines, the payee without an account
 * listed apart; a township clerk or another bureau is refused; the masked list stays for every reader.
 */
@PlatformTest
class PayableListTest {

    private static final String MONTH = "2044-05";
    private static final String ONE_CARD = "6228480012345678901";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    MoneyPages pages;
    SubsidyFixtures fixtures;

    @BeforeEach
    void setUp() {
        pages = new MoneyPages(mvc);
        fixtures = new SubsidyFixtures(mvc, json);
    }

    private MockHttpServletResponse savePerson(MockHttpSession session, long person, String kind, String number)
            throws Exception {
        Document form = pages.page(session, "/persons/" + person + "/edit");
        var request = post("/persons/" + person);
        for (var input : form.select("#person-form input[name], #person-form select[name]")) {
            if (input.attr("name").startsWith("payee") || input.attr("name").equals("_csrf")) {
                continue;
            }
            if (input.attr("type").equals("radio") || input.attr("type").equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    request.param(input.attr("name"), input.val());
                }
            } else if (input.tagName().equals("select")) {
                var chosen = input.selectFirst("option[selected]");
                request.param(input.attr("name"), chosen == null ? "" : chosen.val());
            } else {
                request.param(input.attr("name"), input.val());
            }
        }
        request.param("payeeKind", kind).param("payeeNumber", number);
        return pages.send(session, request);
    }

    private static List<Row> rows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        sheet.forEach(rows::add);
        return rows;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    @Test
    void financeDownloadsTheListItPaysFromAndOthersKeepTheMaskedOne() throws Exception {
        long paid = fixtures.person("发放甲", LocalDate.of(1931, 3, 3), true, "NONE");
        long unpaid = fixtures.person("发放乙", LocalDate.of(1931, 4, 4), true, "NONE");
        MockHttpSession admin = pages.login(PlatformTest.ADMIN);

        // a payee account on the person form: validated in Chinese, stored encrypted, shown masked
        MockHttpServletResponse bad = savePerson(admin, unpaid, "ONE_CARD", "12345");
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("一卡通账号应为 16–19 位数字");
        assertThat(savePerson(admin, paid, "ONE_CARD", "6228 4800 1234 5678 901").getStatus()).isEqualTo(302);
        byte[] cipher = jdbc.sql("select number_cipher from registry.payee_account where person_id = :p")
                .param("p", paid).query(byte[].class).single();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain(ONE_CARD);
        Document detail = pages.page(admin, "/persons/" + paid);
        assertThat(detail.select("#payee-account").text()).contains("惠民惠农一卡通").contains("6228**********8901");
        assertThat(detail.html()).doesNotContain(ONE_CARD);
        assertThat(jdbc.sql("select count(*) from registry.payee_account where person_id = :p").param("p", unpaid)
                .query(Long.class).single()).isZero();

        String maker = pages.civilAffairsClerk("郑制表");
        String checker = pages.civilAffairsClerk("何审核");
        String finance = pages.account("BUREAU_STAFF", PlatformTest.COUNTY, "FINANCE", "钱财务");
        String health = pages.account("BUREAU_STAFF", PlatformTest.COUNTY, "HEALTH", "孔卫健");
        String township = pages.account("TOWNSHIP_STAFF", PlatformTest.HECHENG, null, "韩镇干");
        long run = fixtures.run(maker, Accounts.PASSWORD, "ELDERLY_SERVICE_SUBSIDY", MONTH).get("id").asLong();
        MockHttpSession checkerSession = pages.login(checker);
        String confirmation = pages.page(checkerSession, "/subsidies/runs/" + run + "/approve")
                .select("#confirm-form input[name=confirmation]").val();
        pages.send(checkerSession, post("/subsidies/runs/" + run + "/approve").param("confirmation", confirmation));
        BigDecimal total = jdbc.sql("select sum(amount) from subsidies.run_line where run_id = :r").param("r", run)
                .query(BigDecimal.class).single();
        long lines = jdbc.sql("select count(*) from subsidies.run_line where run_id = :r").param("r", run)
                .query(Long.class).single();
        BigDecimal paidAmount = jdbc.sql("select sum(amount) from subsidies.run_line where run_id = :r"
                + " and subject_id = :p").param("r", run).param("p", paid).query(BigDecimal.class).single();

        MockHttpSession financeSession = pages.login(finance);
        Document runPage = pages.page(financeSession, "/subsidies/runs/" + run);
        assertThat(runPage.select("#payable-xlsx").attr("href")).isEqualTo("/subsidies/runs/" + run + "/payable.xlsx");
        MockHttpServletResponse xlsx = pages.get(financeSession, "/subsidies/runs/" + run + "/payable.xlsx", "zh-CN");
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            List<Row> rows = rows(book.getSheetAt(0));
            Row paidRow = rows.stream().filter(r -> text(r, 2).equals("发放甲")).findFirst().orElseThrow();
            assertThat(text(paidRow, 3)).isEqualTo(fixtures.idNumber(paid));
            assertThat(text(paidRow, 6)).isEqualTo(ONE_CARD);
            assertThat(paidRow.getCell(10).getNumericCellValue()).isEqualTo(paidAmount.doubleValue());
            int missingTitle = rows.indexOf(rows.stream().filter(r -> text(r, 0).startsWith("缺少收款账户"))
                    .findFirst().orElseThrow());
            int unpaidAt = rows.indexOf(rows.stream().filter(r -> text(r, 2).equals("发放乙")).findFirst()
                    .orElseThrow());
            assertThat(unpaidAt).as("listed apart, after the payable lines").isGreaterThan(missingTitle);
            assertThat(rows.indexOf(paidRow)).isLessThan(missingTitle);
            Row grand = rows.stream().filter(r -> text(r, 1).startsWith("本批次总计")).findFirst().orElseThrow();
            assertThat(text(grand, 1)).contains(String.valueOf(lines));
            assertThat(BigDecimal.valueOf(grand.getCell(10).getNumericCellValue()))
                    .isEqualByComparingTo(total);
            double subtotals = rows.stream().filter(r -> text(r, 1).endsWith(" 小计"))
                    .mapToDouble(r -> r.getCell(10).getNumericCellValue()).sum();
            Row payable = rows.stream().filter(r -> text(r, 1).startsWith("可发放合计")).findFirst().orElseThrow();
            assertThat(payable.getCell(10).getNumericCellValue()).isEqualTo(subtotals, org.assertj.core.data.Offset.offset(0.001));
            assertThat(rows.stream().anyMatch(r -> text(r, 0).startsWith("制表人：郑制表"))).isTrue();
            assertThat(rows.stream().anyMatch(r -> text(r, 3).startsWith("审核人：何审核"))).isTrue();
            assertThat(rows.stream().anyMatch(r -> text(r, 6).startsWith("财务负责人"))).isTrue();
        }
        MockHttpServletResponse pdf = pages.get(financeSession, "/subsidies/runs/" + run + "/payable.pdf", "zh-CN");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String words = new PDFTextStripper().getText(document);
            // some glyphs extract as their Kangxi radical forms (⼾ for 户): assert on words without them
            assertThat(words).contains("发放名册").contains(ONE_CARD).contains("缺少收款账")
                    .contains(fixtures.idNumber(unpaid))
                    .contains("财务负责").contains(String.format(java.util.Locale.ROOT, "%,.2f", total));
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'SUBSIDY_PAYABLE_LIST_EXPORTED'"
                        + " and target = :t and outcome = 'SUCCESS'").param("t", "subsidy-run:" + run)
                .query(Long.class).single()).isEqualTo(2);

        // the bureau that prepares the elderly programme's payments may; another bureau and a township may not
        assertThat(pages.get(pages.login(maker), "/subsidies/runs/" + run + "/payable.xlsx", "zh-CN").getStatus())
                .isEqualTo(200);
        MockHttpSession healthSession = pages.login(health);
        assertThat(pages.get(healthSession, "/subsidies/runs/" + run + "/payable.pdf", "zh-CN").getStatus())
                .isEqualTo(403);
        assertThat(pages.page(healthSession, "/subsidies/runs/" + run).select("#payable-xlsx")).isEmpty();
        MockHttpSession townshipSession = pages.login(township);
        assertThat(pages.get(townshipSession, "/subsidies/runs/" + run + "/payable.xlsx", "zh-CN").getStatus())
                .isEqualTo(403);

        // everyone else keeps the masked list, now through the session too; the API route stays Basic-only
        MockHttpServletResponse masked = pages.get(townshipSession, "/subsidies/runs/" + run + "/payment-list.xlsx",
                "zh-CN");
        assertThat(masked.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(masked.getContentAsByteArray()))) {
            Row row = rows(book.getSheetAt(0)).stream().filter(r -> text(r, 2).equals("发放甲")).findFirst()
                    .orElseThrow();
            assertThat(text(row, 3)).contains("*").isNotEqualTo(fixtures.idNumber(paid));
        }
        assertThat(pages.get(townshipSession, "/subsidies/runs/" + run + "/payment-list.csv", "zh-CN")
                .getContentAsString(StandardCharsets.UTF_8)).contains("发放甲").doesNotContain(ONE_CARD);
        assertThat(pages.get(financeSession, "/api/v1/subsidies/runs/" + run + "/payment-list.xlsx", "zh-CN")
                .getStatus()).isEqualTo(401);
        assertThat(pages.get(financeSession, "/subsidies/grants/payment-list.xlsx", "zh-CN").getStatus())
                .isEqualTo(200);
    }
}
