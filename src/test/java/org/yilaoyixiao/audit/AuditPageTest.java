package org.yilaoyixiao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The audit page as an auditor reads it: event types by label, details as labelled facts in Chinese, objects and
 * the platform itself in words, paged with a total, filtered by choices, exported to Excel (and that export
 * recorded), bad filters explained with a 400.
 */
@PlatformTest
class AuditPageTest {

    /** Latin words as the role crawler reads them (a word inside a code such as "UTF-8" is part of the code). */
    private static final Pattern LATIN =
            Pattern.compile("(?<![A-Za-z0-9_.@/-])[A-Za-z]{2,}(?![A-Za-z0-9_@-])");

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** Latin words a Chinese reader would see: everything except what is marked as data or code. */
    private static List<String> latinWords(Element element) {
        Element copy = element.clone();
        copy.select("[translate=no], code, script, style, .visually-hidden").remove();
        List<String> words = new ArrayList<>();
        Matcher latin = LATIN.matcher(copy.text());
        while (latin.find()) {
            if (!latin.group().equals("Excel")) {
                words.add(latin.group());
            }
        }
        return words;
    }

    @Test
    void aSearchOfPeopleReadsInChineseWithOnlyItsDataAsWritten() throws Exception {
        String actor = Accounts.unique("audit-reader");
        trail.record(AuditRecord.success("PERSON_SEARCH", "persons", "division=null category=ELDER q=王 "
                + "idNumber=null flags=[EMPTY_NEST, LIVING_ALONE] economic=MINIMUM_LIVING status=ACTIVE results=12")
                .by(actor));
        trail.record(AuditRecord.success("PERSON_DETAIL_READ", "person:24486", "ELDER").by("system:demo-population"));
        trail.record(AuditRecord.success("SERVICE_ORDER_DISPATCH", "service-order:77", "NEW->DISPATCHED 请尽快上门")
                .by(actor));
        MockHttpSession auditor = login(Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY), Accounts.PASSWORD);

        Document search = page(auditor, "/audit?actor=" + actor + "&type=PERSON_SEARCH");
        Element row = search.selectFirst("#audit-table tbody tr");
        assertThat(row).isNotNull();
        assertThat(row.select(".audit-type").text()).isEqualTo("查询人员档案");
        assertThat(row.select(".audit-target").text()).isEqualTo("人员档案");
        assertThat(row.select(".audit-detail").text()).contains("行政区划：—", "类别：老年人", "查询词：王",
                "生活状况：空巢、独居", "经济状况：低保", "状态：在册", "结果数：12");
        assertThat(row.select(".audit-actor [translate=no]").text()).isEqualTo(actor);
        assertThat(latinWords(row)).isEmpty();

        Document dispatch = page(auditor, "/audit?actor=" + actor + "&type=SERVICE_ORDER_DISPATCH");
        Element order = dispatch.selectFirst("#audit-table tbody tr");
        // the type once, in words; the object typed; the state change in words, the note as written
        assertThat(order.select(".audit-type").text()).isEqualTo("派发服务工单");
        assertThat(order.text()).doesNotContain("SERVICE_ORDER_DISPATCH");
        assertThat(order.select(".audit-target").text()).isEqualTo("服务工单 77");
        assertThat(order.select(".audit-detail").text()).contains("状态变化：待派单 → 已派单", "备注：请尽快上门");
        assertThat(latinWords(order)).isEmpty();

        Document read = page(auditor, "/audit?actor=system:demo-population&type=PERSON_DETAIL_READ");
        Element system = read.selectFirst("#audit-table tbody tr");
        assertThat(system.select(".audit-actor").text()).isEqualTo("系统（载入演示人口）");
        assertThat(system.select(".audit-target").text()).isEqualTo("人员 24486");
        assertThat(system.select(".audit-detail").text()).isEqualTo("老年人档案");
        assertThat(latinWords(system)).isEmpty();
    }

    @Test
    void theWholePageHasNoCodesOutsideDataAndTheTypeFilterIsAChoiceOfLabels() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document page = page(admin, "/audit");
        assertThat(latinWords(page.body())).isEmpty();
        Element select = page.selectFirst("select#audit-type");
        assertThat(select).isNotNull();
        assertThat(select.select("optgroup")).hasSizeGreaterThan(10);
        assertThat(select.select("option[value=SERVICE_ORDER_DISPATCH]").text()).isEqualTo("派发服务工单");
        assertThat(select.select("option[value=LOGIN_SUCCESS]").text()).isEqualTo("登录成功");
        for (Element option : select.select("option[value]")) {
            if (!option.val().isEmpty()) {
                assertThat(option.text()).as(option.val()).doesNotContain("_").isNotEqualTo(option.val());
            }
        }
        // the actor is chosen by name, not typed as a login name
        assertThat(page.select("#audit-filter [data-picker] input[type=hidden][name=actor]")).hasSize(1);
        assertThat(page.select("#audit-filter input[name=actor][type=text]")).isEmpty();
        // the administrator reads on screen; the export is the auditors'
        assertThat(page.select("#audit-export")).isEmpty();
    }

    @Test
    void theTrailIsPagedWithPageNumbersAndATotal() throws Exception {
        String actor = Accounts.unique("audit-pages");
        for (int i = 0; i < 63; i++) {
            trail.record(AuditRecord.success("PERSON_TIMELINE_READ", "person:" + (1000 + i), "entries=" + i)
                    .by(actor));
        }
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document first = page(admin, "/audit?actor=" + actor);
        assertThat(first.select("#audit-table tbody tr")).hasSize(50);
        assertThat(first.select(".pager-summary").first().text()).isEqualTo("共 63 条，第 1 / 2 页");
        assertThat(first.select(".pager .page-link").eachText()).contains("1", "2");
        String next = first.selectFirst(".pager-next").attr("href");
        assertThat(next).contains("actor=" + actor).contains("page=1");
        Document second = page(admin, next);
        assertThat(second.select("#audit-table tbody tr")).hasSize(13);
        // newest first: the first record written is the last one of the last page
        assertThat(second.select("#audit-table tbody tr").last().select(".audit-target").text())
                .isEqualTo("人员 1000");
    }

    @Test
    void badFiltersAreExplainedWithA400() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        for (String path : List.of("/audit?from=yesterday", "/audit?to=2026-13-01", "/audit?outcome=NOPE",
                "/audit?type=drop%20table", "/audit?from=2026-03-02&to=2026-03-01", "/audit?page=-1",
                "/audit?page=2147483647", "/audit?page=NaN", "/audit?sensitive=perhaps")) {
            String body = mvc.perform(get(path).session(admin)).andExpect(status().isBadRequest()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(body).as(path).doesNotContain("Exception");
        }
        String dates = mvc.perform(get("/audit?from=2026-03-02&to=2026-03-01").session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(dates).contains("结束日期不能早于开始日期");
    }

    @Test
    void auditorsTakeTheFilteredTrailToExcelAndTheExportIsRecorded() throws Exception {
        String actor = Accounts.unique("audit-export");
        trail.record(AuditRecord.success("PERSON_ID_REVEALED", "person:31337", null).by(actor));
        trail.record(AuditRecord.of("ACCESS_REFUSED", "/persons/31338", AuditOutcome.DENIED,
                "method=GET status=404").by(actor));
        String auditorName = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        MockHttpSession auditor = login(auditorName, Accounts.PASSWORD);
        Document page = page(auditor, "/audit?actor=" + actor);
        assertThat(page.select("#audit-table tbody tr")).hasSize(2);
        assertThat(page.select("#audit-table tbody tr").first().select(".audit-detail").text())
                .isEqualTo("请求方式：查看 答复：未找到或无权查看");
        String href = page.selectFirst("#audit-export").attr("href");
        assertThat(href).contains("actor=" + actor);

        MvcResult export = mvc.perform(get(href).session(auditor)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                export.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("事件类型");
            Row newest = sheet.getRow(1);
            assertThat(newest.getCell(4).getStringCellValue()).startsWith("访问被拒绝");
            assertThat(newest.getCell(5).getStringCellValue()).isEqualTo("ACCESS_REFUSED");
            assertThat(newest.getCell(6).getStringCellValue()).isEqualTo("页面 /persons/31338");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("查看完整身份证号");
        }
        assertThat(jdbc.sql("""
                        select detail from audit.audit_event where type = 'LIST_EXPORTED' and actor = :auditor
                        """).param("auditor", auditorName).query(String.class).single())
                .contains("actor=" + actor).contains("rows=2");

        // the sensitive reads only: the revealed ID number, not the refusal
        Document sensitive = page(auditor, "/audit?actor=" + actor + "&sensitive=true");
        assertThat(sensitive.select("#audit-table tbody tr")).hasSize(1);
        assertThat(sensitive.select("#audit-table .audit-type").text()).isEqualTo("查看完整身份证号");

        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(get(href).session(admin)).andExpect(status().isForbidden());
    }
}
