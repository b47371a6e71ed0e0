package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.subsidies.MoneyPages;
import org.yilaoyixiao.subsidies.SubsidyFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/**
 * Paying a month, by the roles that do it (issue 19): a 民政局 clerk records an elder's 一卡通 on the person form and
 * prepares the month; a second clerk opens the approval preview (count, total, largest lines, the change against last
 * month, who prepared it), confirms, and the run is approved; a 财政局 user downloads the payment list as Excel and as
 * PDF from the run page and both open with the totals of the run's own lines. Then a sample of the other downloads
 * pages offer (the masked list, the grants list, the indicator export and report) works with the session too.
 * Screenshots of the preview and of the PDF's first page go to target/screenshots.
 */
@PlatformTest
class PaymentListJourneyBrowserTest extends BrowserJourney {

    private static final String MONTH = "2045-03";
    private static final String ONE_CARD = "6217001234567890123";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private static Path save(Download download, String name) {
        Path file = Chromium.SCREENSHOTS.resolve(name);
        download.saveAs(file);
        return file;
    }

    @Test
    void aMonthIsPreparedReviewedConfirmedAndPaidFromTheDownloadedLists() throws Exception {
        SubsidyFixtures fixtures = new SubsidyFixtures(mvc, json);
        MoneyPages accounts = new MoneyPages(mvc);
        long elder = fixtures.person("付款老人", LocalDate.of(1932, 6, 6), true, "NONE");
        String maker = accounts.civilAffairsClerk("林制表");
        String checker = accounts.civilAffairsClerk("黄审核");
        String finance = accounts.account("BUREAU_STAFF", PlatformTest.COUNTY, "FINANCE", "吕财务");

        // the clerk records the elder's 一卡通 on the person form, then prepares the month
        Page clerk = logIn(maker, Accounts.PASSWORD, 1366, 768);
        clerk.navigate(url("/persons/" + elder + "/edit"));
        clerk.locator("#payeeKind").selectOption("ONE_CARD");
        clerk.locator("#payeeNumber").fill(ONE_CARD);
        clerk.locator("#save-person").click();
        assertThat(clerk.locator("#payee-account")).containsText("6217**********0123");
        clerk.navigate(url("/subsidies/runs"));
        clerk.locator("#programme").selectOption("ELDERLY_SERVICE_SUBSIDY");
        clerk.locator("#month").fill(MONTH);
        clerk.locator("#start-run-button").click();
        assertThat(clerk.locator("#run-progress-bar")).hasText("100%");
        assertThat(clerk.locator("#maker-checker-hint")).isVisible();
        assertThat(clerk.locator("#approve-run")).hasCount(0);
        String runPath = new java.net.URI(clerk.url()).getPath();
        long run = Long.parseLong(runPath.substring(runPath.lastIndexOf('/') + 1));
        BigDecimal total = jdbc.sql("select sum(amount) from subsidies.run_line where run_id = :r").param("r", run)
                .query(BigDecimal.class).single();
        long lines = jdbc.sql("select count(*) from subsidies.run_line where run_id = :r").param("r", run)
                .query(Long.class).single();
        String totalText = String.format(Locale.ROOT, "%,.2f", total);

        // a second clerk reviews the preview and confirms
        Page reviewer = logIn(checker, Accounts.PASSWORD, 1366, 768);
        reviewer.navigate(url(runPath));
        reviewer.locator("#approve-run").click();
        assertThat(reviewer.locator("#preview-total")).hasText(totalText);
        assertThat(reviewer.locator("#preview-count")).hasText(String.format(Locale.ROOT, "%,d", lines));
        assertThat(reviewer.locator("#maker-checker")).containsText("林制表");
        assertThat(reviewer.locator("#maker-checker")).containsText("审批人不能是制单人");
        assertThat(reviewer.locator("#preview-largest tbody tr").first()).isVisible();
        Chromium.screenshot(reviewer, "money-01-approval-preview");
        reviewer.locator("#confirm-approve").click();
        assertThat(reviewer.locator("#run-approved")).isVisible();
        assertThat(reviewer.locator("#run-status")).hasText("已审批");

        // finance downloads the list it pays from, as Excel and as PDF
        Page payer = logIn(finance, Accounts.PASSWORD, 1366, 768);
        payer.navigate(url(runPath));
        assertThat(payer.locator("#payable-hint")).isVisible();
        Chromium.screenshot(payer, "money-02-run-for-finance");
        Path xlsx = save(payer.waitForDownload(() -> payer.locator("#payable-xlsx").click()), "money-payable.xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            BigDecimal grand = null;
            boolean account = false;
            for (Row row : book.getSheetAt(0)) {
                String label = row.getCell(1) == null ? "" : row.getCell(1).toString();
                if (label.startsWith("本批次总计")) {
                    grand = BigDecimal.valueOf(row.getCell(10).getNumericCellValue());
                }
                if (row.getCell(2) != null && row.getCell(2).toString().equals("付款老人")) {
                    account = row.getCell(6).getStringCellValue().equals(ONE_CARD);
                }
            }
            assertThat(grand).isEqualByComparingTo(total);
            assertThat(account).as("the elder's full 一卡通 number").isTrue();
        }
        Path pdf = save(payer.waitForDownload(() -> payer.locator("#payable-pdf").click()), "money-payable.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains(totalText).contains(ONE_CARD)
                    .contains("发放名册");
            BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(first, "png", Chromium.SCREENSHOTS.resolve("money-03-payable-pdf.png").toFile());
        }

        // a sample of the other downloads the pages offer, all through the session
        Path masked = save(payer.waitForDownload(() -> payer.locator("#payment-xlsx").click()), "money-masked.xlsx");
        try (InputStream in = Files.newInputStream(masked); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo((int) lines + 1);
        }
        payer.navigate(url("/subsidies/grants"));
        Path grants = save(payer.waitForDownload(() -> payer.locator("#grant-list-xlsx").click()), "money-grants.xlsx");
        try (InputStream in = Files.newInputStream(grants); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("乡镇（街道）");
        }
        Page admin = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, 1366, 768);
        admin.navigate(url("/indicators/dashboard"));
        Path indicators = save(admin.waitForDownload(() -> admin.locator("#export-excel").click()),
                "money-indicators.xlsx");
        try (InputStream in = Files.newInputStream(indicators); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getNumberOfSheets()).isPositive();
        }
        Path report = save(admin.waitForDownload(() -> admin.locator("#monthly-report").click()),
                "money-indicators.pdf");
        try (PDDocument document = Loader.loadPDF(report.toFile())) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
    }
}
