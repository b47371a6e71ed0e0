package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PeopleSheets;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Excel import of people through the API, with real xlsx files: every row checked first, nothing registered before
 * the uploader confirms, a row-by-row report, and importing the same file twice registers nobody twice.
 */
@PlatformTest
class PersonImportTest {

    private static final RequestPostProcessor ADMIN = httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    /** Three good rows and five bad ones, each bad for a different reason. */
    private record Sample(List<String> goodIds, byte[] xlsx) {
    }

    private Sample sample() {
        String a = TestIdNumbers.nextElder();
        String b = TestIdNumbers.nextElder();
        String c = TestIdNumbers.next(LocalDate.of(2024, 5, 1));
        String wrongCheck = TestIdNumbers.nextElder();
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? '2' : '1');
        List<List<String>> rows = new ArrayList<>();
        rows.add(PeopleSheets.person(a, "叶阿婆", "331121001901"));                                   // row 2
        rows.add(List.of(b.toLowerCase(), "陈阿公", "", "331121001902", "否", "特困", "空巢", ""));      // row 3
        rows.add(PeopleSheets.person(wrongCheck, "周阿婆", "331121001903"));                           // row 4
        rows.add(PeopleSheets.person(TestIdNumbers.nextElder(), "", "331121001903"));                 // row 5
        rows.add(PeopleSheets.person(TestIdNumbers.nextElder(), "吴阿公", "331121999999"));            // row 6
        rows.add(List.of(TestIdNumbers.nextElder(), "郑阿婆", "", "331121001904", "可能", "", "", ""));  // row 7
        rows.add(PeopleSheets.person(a, "叶阿婆", "331121001905"));                                   // row 8
        rows.add(List.of(c, "小叶", "", "331121001901", "是", "", "", ""));                           // row 9
        return new Sample(List.of(a, b, c), PeopleSheets.xlsx(rows));
    }

    private long upload(byte[] xlsx, RequestPostProcessor user) throws Exception {
        String body = mvc.perform(multipart("/api/v1/persons/imports")
                        .file(new MockMultipartFile("file", "人员.xlsx", PeopleSheets.MEDIA_TYPE, xlsx)).with(user))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("VALIDATING"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("id").asLong();
    }

    /** Polls like the wizard does, until the background check is done. */
    private JsonNode awaitChecked(long id, RequestPostProcessor user) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode state = json.readTree(mvc.perform(get("/api/v1/persons/imports/" + id).with(user))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            if (!state.get("status").asText().equals("VALIDATING")) {
                return state;
            }
            assertThat(System.nanoTime()).as("import %d still validating", id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long registered(String idNumber) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/persons").param("idNumber", idNumber).with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        return page.get("totalElements").asLong();
    }

    private JsonNode confirm(long id, RequestPostProcessor user) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/persons/imports/" + id + "/confirm").with(user))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void badRowsAreReportedWithRowNumbersAndChineseReasonsAndNothingIsRegisteredBeforeConfirmation() throws Exception {
        Sample sample = sample();
        long id = upload(sample.xlsx(), ADMIN);
        JsonNode state = awaitChecked(id, ADMIN);
        assertThat(state.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(state.get("validRows").asInt()).isEqualTo(3);
        assertThat(state.get("invalidRows").asInt()).isEqualTo(4);
        assertThat(state.get("duplicateRows").asInt()).isEqualTo(1);
        assertThat(state.get("existingRows").asInt()).isZero();
        for (String idNumber : sample.goodIds()) {
            assertThat(registered(idNumber)).as("registered before confirmation").isZero();
        }

        JsonNode problems = json.readTree(mvc.perform(get("/api/v1/persons/imports/" + id + "/problems").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(problems.get("totalElements").asInt()).isEqualTo(5);
        List<Integer> rowNumbers = new ArrayList<>();
        problems.get("items").forEach(item -> rowNumbers.add(item.get("rowNumber").asInt()));
        assertThat(rowNumbers).containsExactly(4, 5, 6, 7, 8);
        assertThat(reasons(problems, 4)).contains("校验码");
        assertThat(reasons(problems, 5)).contains("姓名");
        assertThat(reasons(problems, 6)).contains("居住地");
        assertThat(reasons(problems, 7)).contains("本县户籍").contains("是").contains("否");
        assertThat(reasons(problems, 8)).contains("第 2 行");
        assertThat(problems.toString()).doesNotContain(sample.goodIds().get(0));

        byte[] report = mvc.perform(get("/api/v1/persons/imports/" + id + "/report.xlsx").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", PeopleSheets.MEDIA_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = PeopleSheets.read(report, 0);
        assertThat(rows.get(0)).last().isEqualTo("错误");
        assertThat(rows.get(0).subList(0, 8)).isEqualTo(PeopleSheets.HEADERS);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1).get(8)).startsWith("第 4 行：").contains("身份证号码校验码不对");
        assertThat(rows.get(5).get(8)).startsWith("第 8 行：").contains("第 2 行");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'PERSON_IMPORT_REPORT_EXPORTED'"
                + " and target = :target").param("target", "person-import:" + id).query(Long.class).single()).isOne();
    }

    private static String reasons(JsonNode problems, int rowNumber) {
        for (JsonNode item : problems.get("items")) {
            if (item.get("rowNumber").asInt() == rowNumber) {
                return item.get("reasons").toString();
            }
        }
        throw new AssertionError("no problem row " + rowNumber);
    }

    @Test
    void stagingHoldsTheIdNumberEncryptedOnly() throws Exception {
        Sample sample = sample();
        long id = upload(sample.xlsx(), ADMIN);
        awaitChecked(id, ADMIN);
        for (String idNumber : sample.goodIds()) {
            long plain = jdbc.sql("""
                            select count(*) from registry.person_import_row r where import_id = :id and (
                                encode(id_number_cipher, 'escape') like '%' || :birth || '%'
                                or encode(id_number_index, 'escape') like '%' || :birth || '%'
                                or id_number_masked like '%' || :birth || '%'
                                or cast(r as text) like '%' || :id_number || '%')
                            """)
                    .param("id", id).param("birth", idNumber.substring(6, 14)).param("id_number", idNumber)
                    .query(Long.class).single();
            assertThat(plain).isZero();
        }
    }

    @Test
    void confirmationRegistersExactlyTheValidRowsOnceAndAReuploadRegistersNobodyTwice() throws Exception {
        Sample sample = sample();
        long id = upload(sample.xlsx(), ADMIN);
        awaitChecked(id, ADMIN);
        JsonNode done = confirm(id, ADMIN);
        assertThat(done.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(done.get("createdRows").asInt()).isEqualTo(3);
        for (String idNumber : sample.goodIds()) {
            assertThat(registered(idNumber)).isOne();
        }
        JsonNode created = json.readTree(mvc.perform(get("/api/v1/persons/imports/" + id + "/persons").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(created.get("totalElements").asInt()).isEqualTo(3);
        assertThat(created.toString()).contains("叶阿婆", "陈阿公", "小叶").doesNotContain(sample.goodIds().get(1));
        long person = created.get("items").get(1).get("personId").asLong();
        mvc.perform(get("/api/v1/persons/" + person).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("陈阿公"))
                .andExpect(jsonPath("$.localHukou").value(false))
                .andExpect(jsonPath("$.economicStatus").value("EXTREME_POVERTY"))
                .andExpect(jsonPath("$.livingSituation[0]").value("EMPTY_NEST"))
                .andExpect(jsonPath("$.sex").isString());
        assertThat(jdbc.sql("select detail from audit.audit_event where type = 'PERSONS_IMPORTED' and target = :t")
                .param("t", "person-import:" + id).query(String.class).list())
                .singleElement().asString().contains("created=3").contains("invalid=4").contains("duplicateInFile=1");

        // confirming again changes nothing
        assertThat(confirm(id, ADMIN).get("createdRows").asInt()).isEqualTo(3);
        for (String idNumber : sample.goodIds()) {
            assertThat(registered(idNumber)).isOne();
        }

        // the same file again: the good rows are reported as already registered, and nothing is created
        long again = upload(sample.xlsx(), ADMIN);
        JsonNode state = awaitChecked(again, ADMIN);
        assertThat(state.get("validRows").asInt()).isZero();
        assertThat(state.get("existingRows").asInt()).isEqualTo(3);
        JsonNode problems = json.readTree(mvc.perform(get("/api/v1/persons/imports/" + again + "/problems")
                        .with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(reasons(problems, 2)).contains("已存在");
        assertThat(confirm(again, ADMIN).get("createdRows").asInt()).isZero();
        for (String idNumber : sample.goodIds()) {
            assertThat(registered(idNumber)).isOne();
        }
    }

    @Test
    void twoUploadsOfOneFileConfirmedOneAfterTheOtherRegisterEachPersonOnce() throws Exception {
        Sample sample = sample();
        String clerk = Accounts.create(mvc, "COUNTY_ADMIN", PlatformTest.COUNTY);
        RequestPostProcessor colleague = httpBasic(clerk, Accounts.PASSWORD);
        long first = upload(sample.xlsx(), ADMIN);
        long second = upload(sample.xlsx(), colleague);
        awaitChecked(first, ADMIN);
        assertThat(awaitChecked(second, colleague).get("validRows").asInt()).isEqualTo(3);
        assertThat(confirm(first, ADMIN).get("createdRows").asInt()).isEqualTo(3);
        // checked before the first was confirmed: its valid rows are skipped at confirmation
        JsonNode late = confirm(second, colleague);
        assertThat(late.get("createdRows").asInt()).isZero();
        assertThat(late.get("skippedRows").asInt()).isEqualTo(3);
        for (String idNumber : sample.goodIds()) {
            assertThat(registered(idNumber)).isOne();
        }
        JsonNode problems = json.readTree(mvc.perform(get("/api/v1/persons/imports/" + second + "/problems")
                .with(colleague)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(reasons(problems, 2)).contains("已存在");
        JsonNode created = json.readTree(mvc.perform(get("/api/v1/persons/imports/" + second + "/persons")
                .with(colleague)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(created.get("totalElements").asInt()).isZero();
    }

    @Test
    void aRowOutsideATownshipClerksScopeIsRejected() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        RequestPostProcessor asClerk = httpBasic(clerk, Accounts.PASSWORD);
        String own = TestIdNumbers.nextElder();
        String foreign = TestIdNumbers.nextElder();
        long id = upload(PeopleSheets.xlsx(List.of(PeopleSheets.person(own, "鹤城人", "331121001906"),
                PeopleSheets.person(foreign, "瓯南人", "331121002903"))), asClerk);
        JsonNode state = awaitChecked(id, asClerk);
        assertThat(state.get("validRows").asInt()).isOne();
        assertThat(state.get("invalidRows").asInt()).isOne();
        JsonNode problems = json.readTree(mvc.perform(get("/api/v1/persons/imports/" + id + "/problems")
                .with(asClerk)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(reasons(problems, 3)).contains("331121002903").contains("不在您的数据范围内");
        // someone else's import does not exist for another user
        mvc.perform(get("/api/v1/persons/imports/" + id).with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/persons/imports/" + id + "/confirm").with(ADMIN)).andExpect(status().isNotFound());
        assertThat(confirm(id, asClerk).get("createdRows").asInt()).isOne();
        assertThat(registered(own)).isOne();
        assertThat(registered(foreign)).isZero();
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedAndAFileWithoutTheHeaderFails() throws Exception {
        mvc.perform(multipart("/api/v1/persons/imports").file(new MockMultipartFile("file", "people.csv", "text/csv",
                        "身份证号码,姓名\n".getBytes(StandardCharsets.UTF_8))).with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("NOT_XLSX"));

        byte[] noHeader;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            workbook.createSheet("x").createRow(0).createCell(0).setCellValue("名单");
            workbook.write(out);
            noHeader = out.toByteArray();
        }
        long id = upload(noHeader, ADMIN);
        JsonNode state = awaitChecked(id, ADMIN);
        assertThat(state.get("status").asText()).isEqualTo("FAILED");
        assertThat(state.get("failure").asText()).contains("表头").contains("身份证号码");
        mvc.perform(post("/api/v1/persons/imports/" + id + "/confirm").with(ADMIN)).andExpect(status().isConflict());
    }

    @Test
    void theTemplateHasTheChineseHeadersAndAnInstructionsSheet() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/persons/imports/template.xlsx").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", PeopleSheets.MEDIA_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(PeopleSheets.read(template, 0).get(0)).isEqualTo(PeopleSheets.HEADERS);
        assertThat(PeopleSheets.sheetName(template, 1)).isEqualTo("填写说明");
        assertThat(PeopleSheets.read(template, 1).toString()).contains("身份证号码", "低保", "计划生育特殊家庭");
    }

    @Test
    void importingNeedsThePermission() throws Exception {
        String auditor = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        mvc.perform(multipart("/api/v1/persons/imports")
                        .file(new MockMultipartFile("file", "x.xlsx", PeopleSheets.MEDIA_TYPE, PeopleSheets.xlsx(List.of())))
                        .with(httpBasic(auditor, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
