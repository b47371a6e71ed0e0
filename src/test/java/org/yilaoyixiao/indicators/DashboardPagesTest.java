package org.yilaoyixiao.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/** The dashboard as county leaders' landing page, the Excel in the plan's layout and the monthly PDF. */
@PlatformTest
class DashboardPagesTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void countyLeadersLandOnTheDashboardAndTheHomePageStaysReachable() throws Exception {
        String leaderAccount = Accounts.create(mvc, "LEADER", PlatformTest.COUNTY);
        MockHttpSession leader = login(leaderAccount, Accounts.PASSWORD);
        mvc.perform(get("/").session(leader)).andExpect(redirectedUrl("/indicators/dashboard"));
        mvc.perform(get("/home").session(leader)).andExpect(status().isOk())
                .andExpect(content().string(containsString("division-tree")));
        // a leader changes nothing
        mvc.perform(get("/indicators/inputs").session(leader)).andExpect(status().isForbidden());
        // bureau and township clerks land on their inbox, the overview one click away
        for (String clerk : new String[]{Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY),
                Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG)}) {
            mvc.perform(get("/").session(login(clerk, Accounts.PASSWORD))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"inbox-title\"")));
        }
    }

    @Test
    void theDashboardShowsCardsByStatusRankingsAndTrends() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        String html = mvc.perform(get("/indicators/dashboard").param("year", "2022").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#indicator-cards .indicator-card")).hasSize(19);
        // every card is coloured by its status (the values move with other tests' data, the colours follow)
        java.util.Map<String, String> colours = java.util.Map.of("ACHIEVED", "border-success", "ON_TRACK",
                "border-primary", "AT_RISK", "border-warning", "OFF_TRACK", "border-danger", "NONE", "border-secondary");
        for (var card : page.select(".indicator-card")) {
            assertThat(card.hasClass(colours.get(card.attr("data-status")))).as(card.attr("data-code")).isTrue();
        }
        assertThat(page.select(".indicator-card[data-code=I08]").attr("data-status")).isNotEqualTo("NONE");
        assertThat(page.select(".indicator-card[data-code=I11]").attr("data-status")).isNotEqualTo("NONE");
        assertThat(page.select(".indicator-card[data-code=I01]").attr("data-status")).isEqualTo("NONE");
        assertThat(page.select(".indicator-card[data-code=I08] [data-kind=bars]").attr("data-indicator-chart"))
                .contains("67.3").contains("60");
        assertThat(page.select("#township-rankings [data-code]").eachAttr("data-code"))
                .containsExactly("I06", "I07", "I08");
        assertThat(page.select("#township-rankings [data-code=I08] tbody tr").size()).isGreaterThanOrEqualTo(8);
        assertThat(page.select("#indicator-trends [data-kind=trend]")).isNotEmpty();
        assertThat(page.select("#text-targets tr[data-code=S01]").text()).contains("50");
        assertThat(page.select("#export-excel").attr("href")).contains("/indicators/export.xlsx");

        // a township: no rankings, and its clerk cannot look at the county
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        MockHttpSession township = login(clerk, Accounts.PASSWORD);
        mvc.perform(get("/indicators/dashboard").session(township)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("瓯南街道"), not(containsString("township-rankings")))));
        mvc.perform(get("/indicators/dashboard").param("division", PlatformTest.COUNTY).session(township))
                .andExpect(status().isForbidden());
    }

    @Test
    void bureauStaffEnterStatisticsAndReportValuesThroughTheInputPage() throws Exception {
        String bureau = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        MockHttpSession session = login(bureau, Accounts.PASSWORD);
        mvc.perform(get("/indicators/dashboard").session(session))
                .andExpect(content().string(containsString("id=\"inputs-link\"")));
        String township = "331121201";
        mvc.perform(post("/indicators/inputs/statistics").session(session).with(csrf())
                        .param("division", township).param("year", "2024").param("residentPopulation", "100")
                        .param("population60Plus", "200"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("60岁及以上人口不能多于常住人口"),
                        containsString("is-invalid"))));
        mvc.perform(post("/indicators/inputs/statistics").session(session).with(csrf())
                        .param("division", township).param("year", "2024").param("residentPopulation", "9000")
                        .param("population60Plus", "2500").param("source", "乡镇统计站"))
                .andExpect(redirectedUrl("/indicators/inputs?division=" + township + "&year=2024"));
        mvc.perform(post("/indicators/inputs/reports").session(session).with(csrf())
                        .param("division", township).param("year", "2024").param("code", "I13")
                        .param("value", "97.5").param("evidence", "乡镇卫生院新生儿访视登记表"))
                .andExpect(redirectedUrl("/indicators/inputs?division=" + township + "&year=2024"));
        mvc.perform(post("/indicators/inputs/reports").session(session).with(csrf())
                        .param("division", township).param("year", "2024").param("code", "I08")
                        .param("value", "70").param("evidence", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("由平台数据自动计算，不接受填报")));
        String page = mvc.perform(get("/indicators/inputs").param("division", township).param("year", "2024")
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document inputs = Jsoup.parse(page);
        assertThat(inputs.select("#s-residentPopulation").val()).isEqualTo("9000");
        assertThat(inputs.select("#reported-values").text()).contains("I13", "97.50", "测试用户", "访视登记表")
                .doesNotContain(bureau);
        assertThat(inputs.select("#r-code option").eachAttr("value")).contains("I01", "I13").doesNotContain("I08").doesNotContain("I07").doesNotContain("I17");
        // township staff may look at the dashboard but not enter
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", township);
        mvc.perform(get("/indicators/inputs").session(login(clerk, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theExcelFollowsThePlansTableLayout() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        byte[] bytes = mvc.perform(get("/indicators/export.xlsx").param("year", "2022").session(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("主要监测指标", "青田县", "2022");
            Row header = sheet.getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("指标");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("2022年");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("2025年目标");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("责任单位");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("指标属性");
            assertThat(sheet.getLastRowNum()).isEqualTo(20);
            Row first = sheet.getRow(2);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("人均预期寿命（岁）");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("80.10");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("81.60");
            Row second = sheet.getRow(3);
            assertThat(second.getCell(3).getStringCellValue()).isEqualTo("全省平均水平以上");
            Row nursing = sheet.getRow(9);
            assertThat(nursing.getCell(0).getStringCellValue()).isEqualTo("8");
            assertThat(nursing.getCell(2).getStringCellValue()).isEqualTo("67.3");
            assertThat(nursing.getCell(3).getStringCellValue()).isEqualTo("≥60");
            assertThat(nursing.getCell(5).getStringCellValue()).isEqualTo("预期性");
            assertThat(nursing.getCell(7).getStringCellValue()).isEqualTo("平台计算");
            assertThat(sheet.getRow(17).getCell(2).getStringCellValue()).isEqualTo("≥60");
            assertThat(sheet.getRow(17).getCell(5).getStringCellValue()).isEqualTo("约束性");
            assertThat(workbook.getSheetAt(1).getRow(2).getCell(0).getStringCellValue()).isEqualTo("S01");
        }
    }

    @Test
    void theMonthlyReportIsAPdfWithChineseEmbedded() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        byte[] bytes = mvc.perform(get("/indicators/report.pdf").param("year", "2022").session(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            // PDFBox maps some glyphs back to the look-alike Kangxi radicals (⼀ for 一); NFKC folds those back
            String text = java.text.Normalizer.normalize(new PDFTextStripper().getText(pdf),
                    java.text.Normalizer.Form.NFKC);
            java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 60);
            javax.imageio.ImageIO.write(image, "png", new java.io.File("target/indicator-report-page1.png"));
            assertThat(text).contains("监测指标", "护理型养老床位占比", "已达标", "报告期 2022-12", "平台计算");
            boolean embeddedCjk = false;
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                embeddedCjk |= font.getName().contains("NotoSansSC") && font.isEmbedded();
            }
            assertThat(embeddedCjk).as("Noto Sans SC embedded").isTrue();
        }
    }
}
