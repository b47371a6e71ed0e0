package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * A bureau clerk logs in, lands on the indicator dashboard, looks at 2022 (cards coloured by status, charts drawn by
 * ECharts, township rankings) and downloads the indicator table as Excel. Screenshots go to target/screenshots.
 */
@PlatformTest
class IndicatorDashboardBrowserTest extends BrowserJourney {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void aCountyLeaderOpensTheDashboardAndDownloadsTheIndicatorTable() throws Exception {
        String leader = Accounts.create(mvc, "LEADER", PlatformTest.COUNTY);
        Page page = logIn(leader, Accounts.PASSWORD, 1440, 900);
        assertThat(page.locator("#indicator-dashboard")).isVisible();
        assertThat(page.locator("#indicator-cards .indicator-card")).hasCount(19);

        page.locator("#year-select").selectOption("2022");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("查看")).click();
        assertThat(page.locator("#as-of")).hasText("2022-12-31");
        // the demo gives 67.94 and 3.30; other tests' facilities in the shared database move them a little
        assertThat(page.locator(".indicator-card[data-code=I08]")).hasAttribute("data-status",
                java.util.regex.Pattern.compile("ACHIEVED|ON_TRACK|AT_RISK|OFF_TRACK"));
        assertThat(page.locator(".indicator-card[data-code=I08] .indicator-actual"))
                .hasText(java.util.regex.Pattern.compile("\\d+\\.\\d\\d"));
        assertThat(page.locator(".indicator-card[data-code=I06] .indicator-actual"))
                .hasText(java.util.regex.Pattern.compile("\\d+\\.\\d\\d"));
        // ECharts drew the baseline → actual → target bars and the rankings
        assertThat(page.locator(".indicator-card[data-code=I08] .indicator-bars canvas")).hasCount(1);
        assertThat(page.locator("#township-rankings [data-code=I08] canvas")).hasCount(1);
        assertThat(page.locator("#indicator-trends canvas").first()).isVisible();
        Chromium.screenshot(page, "indicators-01-dashboard");

        Download excel = page.waitForDownload(() -> page.locator("#export-excel").click());
        org.assertj.core.api.Assertions.assertThat(excel.suggestedFilename()).endsWith(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(excel.path()))) {
            org.assertj.core.api.Assertions.assertThat(workbook.getSheetAt(0).getRow(1).getCell(1)
                    .getStringCellValue()).isEqualTo("指标");
            org.assertj.core.api.Assertions.assertThat(workbook.getSheetAt(0).getRow(9).getCell(1)
                    .getStringCellValue()).startsWith("护理型养老床位占比");
            org.assertj.core.api.Assertions.assertThat(workbook.getSheetAt(0).getRow(9).getCell(6)
                    .getNumericCellValue()).isBetween(0.0, 100.0);
        }

        page.locator("#overview-link").click();
        assertThat(page.locator("#division-tree")).isVisible();
    }
}
