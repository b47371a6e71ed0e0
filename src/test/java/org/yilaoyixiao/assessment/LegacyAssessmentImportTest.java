package org.yilaoyixiao.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.ObjectMapper;

/** MZ/T 039-2013 results imported as history: all or nothing, never converted, loaded twice changes nothing. */
@PlatformTest
class LegacyAssessmentImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CapabilityLevels levels;

    @Autowired
    java.time.Clock clock;

    PlacementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlacementFixtures(mvc, json);
    }

    private static final List<String> TITLES = List.of("身份证号", "姓名", "评估日期", "评估等级", "日常生活活动得分",
            "精神状态等级", "感知觉与沟通等级", "社会参与等级", "评估机构", "备注");

    private static byte[] xlsx(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("评估结果");
            Row head = sheet.createRow(0);
            for (int c = 0; c < TITLES.size(); c++) {
                head.createCell(c).setCellValue(TITLES.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private ResultActions upload(String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/assessments/legacy-imports")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)).header("Accept-Language", "zh-CN"));
    }

    private int storedFor(long personId) {
        return jdbc.sql("select count(*) from assessment.legacy_assessment where person_id = :p").param("p", personId)
                .query(Integer.class).single();
    }

    @Test
    void importsResultsAsHistoryKeepingTheirSchemeAndLevelAndSkipsThemTheSecondTime() throws Exception {
        String idA = TestIdNumbers.nextElder();
        String idB = TestIdNumbers.nextElder();
        long a = fixtures.person("旧评甲", idA);
        long b = fixtures.person("旧评乙", idB);
        byte[] file = xlsx(List.of(
                List.of(idA, "旧评甲", "2019-05-20", "中度失能", 55, 1, 0, 2, "县社会福利中心", "纸质档案录入"),
                List.of(idA.toLowerCase(), "旧评甲", "2017/3/1", 1, 80, "", "", "", "", ""),
                List.of(idB, "旧评乙", "20200815", "3级", "", "", "", "", "", "")));

        upload("旧评估.xlsx", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.alreadyPresent").value(0))
                .andExpect(jsonPath("$.problems").isEmpty());
        upload("旧评估.xlsx", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.alreadyPresent").value(3));
        assertThat(storedFor(a)).isEqualTo(2);
        assertThat(storedFor(b)).isEqualTo(1);

        fixtures.get("/api/v1/persons/" + a + "/legacy-assessments").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].scheme").value("MZ/T 039-2013"))
                .andExpect(jsonPath("$[0].assessedOn").value("2019-05-20"))
                .andExpect(jsonPath("$[0].level").value(2))
                .andExpect(jsonPath("$[0].levelName").value("中度失能"))
                .andExpect(jsonPath("$[0].adlScore").value(55))
                .andExpect(jsonPath("$[0].perceptionLevel").value(0))
                .andExpect(jsonPath("$[1].level").value(1));

        // never converted: no GB/T history, no current level, the person resource has none
        fixtures.get("/api/v1/persons/" + a + "/assessments").andExpect(jsonPath("$.length()").value(0));
        assertThat(levels.current(a)).isEmpty();
        fixtures.get("/api/v1/persons/" + a).andExpect(jsonPath("$.capabilityLevel").doesNotExist());

        // due for a first assessment under the current standard, from the latest old result
        fixtures.get("/api/v1/assessments/due?division=" + PlatformTest.HECHENG).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == " + a + ")].firstUnderCurrentStandard").value(true))
                .andExpect(jsonPath("$[?(@.personId == " + a + ")].scheme").value("MZ/T 039-2013"))
                .andExpect(jsonPath("$[?(@.personId == " + a + ")].legacyLevel").value(2))
                .andExpect(jsonPath("$[?(@.personId == " + a + ")].dueOn").value("2020-05-20"));

        // once assessed under GB/T 42195-2022 the person has a current level and leaves the "first" list
        fixtures.send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"%s","reason":"FIRST","place":"家中","assessors":["张评估","李评估"],
                 "items":%s,"coma":false,"diagnoses":[],"riskEventsLast30Days":0}
                """.formatted(a, java.time.LocalDate.now(clock).minusDays(1), allAtMaximum()))
                .andExpect(status().isCreated());
        fixtures.get("/api/v1/persons/" + a).andExpect(jsonPath("$.capabilityLevel").value(0));
        fixtures.get("/api/v1/persons?q=旧评甲").andExpect(jsonPath("$.items[0].capabilityLevel").value(0));
        fixtures.get("/api/v1/assessments/due?division=" + PlatformTest.HECHENG)
                .andExpect(jsonPath("$[?(@.personId == " + a + ")]").isEmpty());
    }

    @Test
    void aFileWithAnyBadRowStoresNothingAndNamesEveryProblem() throws Exception {
        String good = TestIdNumbers.nextElder();
        String other = TestIdNumbers.nextElder();
        long goodPerson = fixtures.person("旧评丙", good);
        fixtures.person("旧评丁", other);
        String badChecksum = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        byte[] file = xlsx(List.of(
                List.of(good, "旧评丙", "2019-05-20", 2, 55, "", "", "", "", ""),
                List.of(badChecksum, "旧评丙", "2019-05-21", 2, "", "", "", "", "", ""),
                List.of(TestIdNumbers.nextElder(), "无此人", "2019-05-20", 1, "", "", "", "", "", ""),
                List.of(other, "张冠李戴", "2021-02-30", 5, 73, 4, "", "", "", ""),
                List.of(good, "旧评丙", "2019-05-20", 2, "", "", "", "", "", "")));

        String body = upload("有错.xlsx", file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var problems = json.readTree(body).get("problems");
        List<String> found = new java.util.ArrayList<>();
        problems.forEach(p -> found.add(p.get("row").asInt() + ":" + p.get("column").asString()));
        assertThat(found).containsExactlyInAnyOrder("3:身份证号", "4:身份证号", "5:姓名", "5:评估日期", "5:评估等级",
                "5:日常生活活动得分", "5:精神状态等级", "6:评估日期");
        assertThat(body).contains("身份证号码校验码不对", "找不到此身份证号", "姓名与人员档案中的姓名不一致",
                "2021-02-30", "5 的倍数", "同一人同一评估日期");
        assertThat(storedFor(goodPerson)).isZero();
    }

    @Test
    void readsCsvSavedByChineseExcelAndRefusesAFileWithoutTheRequiredColumns() throws Exception {
        String id = TestIdNumbers.nextElder();
        long person = fixtures.person("旧评戊", id);
        String csv = String.join(",", TITLES) + "\r\n" + id + ",旧评戊,2018-11-02,重度失能,20,3,2,3,\"某评估机构,青田\",\r\n";
        upload("old.csv", csv.getBytes(Charset.forName("GB18030"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        fixtures.get("/api/v1/persons/" + person + "/legacy-assessments")
                .andExpect(jsonPath("$[0].level").value(3))
                .andExpect(jsonPath("$[0].assessedBy").value("某评估机构,青田"));

        upload("wrong.csv", "姓名,评估日期\r\n旧评戊,2018-11-02\r\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("缺少必填列：身份证号、评估等级。请使用导入模板。"));
    }

    @Test
    void aPersonOutsideTheImportersScopeIsReportedLikeAnUnknownOne() throws Exception {
        String id = TestIdNumbers.nextElder();
        long person = fixtures.person("旧评己", id);
        String ounan = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        mvc.perform(multipart("/api/v1/assessments/legacy-imports")
                        .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream",
                                xlsx(List.of(List.of(id, "旧评己", "2019-01-01", 1, "", "", "", "", "", "")))))
                        .with(httpBasic(ounan, Accounts.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("身份证号"));
        assertThat(storedFor(person)).isZero();
    }

    @Test
    void theTemplateHasTheColumnsTheImportReads() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/assessments/legacy-imports/template")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row head = workbook.getSheetAt(0).getRow(0);
            List<String> titles = new java.util.ArrayList<>();
            head.forEach(cell -> titles.add(cell.getStringCellValue()));
            assertThat(titles).isEqualTo(TITLES);
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
        }
    }

    private static String allAtMaximum() {
        return AssessmentItems.standard().all().stream().map(i -> "\"" + i.code() + "\":" + i.maxScore())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
