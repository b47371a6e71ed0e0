package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.registry.ResidentIdNumber;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PeopleSheets;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/**
 * The import wizard in a real Chromium: the administrator downloads the template, uploads a spreadsheet with three
 * good and two bad rows, reads the report (on the page and as Excel), confirms, and sees the people registered; a
 * larger file shows the progress bar, polled with htmx. Screenshots go to target/screenshots.
 */
@PlatformTest
class ImportWizardBrowserTest extends BrowserJourney {

    @Test
    void adminUploadsASpreadsheetReadsTheReportConfirmsAndSeesThePeopleRegistered() throws Exception {
        Page admin = loggedInAdmin();
        admin.navigate(url("/persons/import"));
        assertThat(admin.locator("h1")).hasText("人员导入");
        assertThat(admin.locator("#wizard-steps [aria-current=step]")).containsText("上传文件");
        Download template = admin.waitForDownload(() -> admin.locator("#template-link").click());
        assertThat(template.suggestedFilename()).endsWith(".xlsx");
        assertThat(PeopleSheets.read(Files.readAllBytes(template.path()), 0).get(0)).isEqualTo(PeopleSheets.HEADERS);
        Chromium.screenshot(admin, "10-import-upload");

        String surname = "浏" + System.nanoTime() % 100_000;
        List<String> good = List.of(TestIdNumbers.nextElder(), TestIdNumbers.nextElder(), TestIdNumbers.nextElder());
        String wrongCheck = TestIdNumbers.nextElder();
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? '2' : '1');
        byte[] xlsx = PeopleSheets.xlsx(List.of(
                PeopleSheets.person(good.get(0), surname + "阿婆", "331121001901"),
                PeopleSheets.person(wrongCheck, surname + "错号", "331121001901"),
                PeopleSheets.person(good.get(1), surname + "阿公", "331121001902"),
                PeopleSheets.person(TestIdNumbers.nextElder(), surname + "无地", "331121999999"),
                PeopleSheets.person(good.get(2), surname + "小妹", "331121203901")));
        admin.locator("#import-file").setInputFiles(new FilePayload("老人名单.xlsx", PeopleSheets.MEDIA_TYPE, xlsx));
        admin.locator("#upload-submit").click();

        assertThat(admin.locator("#count-valid")).hasText("3");
        assertThat(admin.locator("#count-invalid")).hasText("2");
        assertThat(admin.locator("#count-duplicate")).hasText("0");
        assertThat(admin.locator("#count-existing")).hasText("0");
        assertThat(admin.locator("#wizard-steps [aria-current=step]")).containsText("校验与报告");
        Locator problems = admin.locator("#problem-table tbody tr");
        assertThat(problems).hasCount(2);
        assertThat(admin.locator("#problem-table tr[data-row='3']")).containsText("校验码");
        assertThat(admin.locator("#problem-table tr[data-row='5']")).containsText("居住地");
        assertThat(admin.locator("#problem-table tr[data-row='3']")).containsText(ResidentIdNumber.mask(wrongCheck));
        Download report = admin.waitForDownload(() -> admin.locator("#report-link").click());
        List<List<String>> reportRows = PeopleSheets.read(Files.readAllBytes(report.path()), 0);
        assertThat(reportRows.get(0)).last().isEqualTo("错误");
        assertThat(reportRows.get(1).get(8)).startsWith("第 3 行：");
        assertThat(reportRows.get(2).get(8)).startsWith("第 5 行：");
        Chromium.screenshot(admin, "11-import-report");

        admin.locator("#confirm-import").click();
        assertThat(admin.locator("#import-result")).containsText("已登记 3 人");
        assertThat(admin.locator("#wizard-steps [aria-current=step]")).containsText("确认导入");
        assertThat(admin.locator("#created-table tbody tr")).hasCount(3);
        assertThat(admin.locator("#created-table")).containsText(surname + "阿婆");
        assertThat(admin.locator("#created-table")).containsText(surname + "阿公");
        assertThat(admin.locator("#created-table")).containsText("高市一村");
        assertThat(admin.locator("#confirm-import")).hasCount(0);
        assertThat(admin.content()).doesNotContain(good.get(0)).doesNotContain(good.get(1));
        Chromium.screenshot(admin, "12-import-done");

        // the export link of the people list, with the same session: the three, masked
        APIResponse export = admin.request().get(url("/persons/export?q=" + surname));
        assertThat(export.status()).isEqualTo(200);
        List<List<String>> exported = PeopleSheets.read(export.body(), 0);
        assertThat(exported).hasSize(4);
        assertThat(exported.stream().map(r -> r.get(0)).toList())
                .containsExactlyInAnyOrder("身份证号码（脱敏）", ResidentIdNumber.mask(good.get(0)),
                        ResidentIdNumber.mask(good.get(1)), ResidentIdNumber.mask(good.get(2)));
    }

    @Test
    void aLargerFileShowsTheProgressWhileItIsChecked() {
        Page admin = loggedInAdmin();
        admin.navigate(url("/persons/import"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            // another county's address code, so that these never collide with the other tests' numbers
            String first17 = "331122" + LocalDate.of(1930, 1, 1).plusDays(i / 500).format(
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", i % 500);
            rows.add(PeopleSheets.person(first17 + ResidentIdNumber.checkCharacter(first17), "进度" + i,
                    "331121001903"));
        }
        admin.locator("#import-file").setInputFiles(new FilePayload("大名单.xlsx", PeopleSheets.MEDIA_TYPE,
                PeopleSheets.xlsx(rows)));
        admin.locator("#upload-submit").click();
        assertThat(admin.locator("#import-status")).isVisible();
        if ("VALIDATING".equals(admin.locator("#import-status").getAttribute("data-status"))) {
            assertThat(admin.locator("#import-progress")).isVisible();
            Chromium.screenshot(admin, "13-import-progress");
        }
        // htmx polls every second until the check is done
        assertThat(admin.locator("#count-valid")).hasText("40000", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(admin.locator("#import-progress")).hasCount(0);
        assertThat(admin.locator("#confirm-import")).containsText("40,000");
    }
}
