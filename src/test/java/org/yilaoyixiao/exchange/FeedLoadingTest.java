package org.yilaoyixiao.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** Feeds in: matching, duplicates, rejections, births, the review queue and traceability. */
@PlatformTest
class FeedLoadingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    ExchangeFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ExchangeFixtures(mvc, json);
    }

    private JsonNode person(long id) throws Exception {
        return fixtures.get("/api/v1/persons/" + id);
    }

    @Test
    void theSameFeedTwiceChangesNothing() throws Exception {
        ExchangeFixtures.Person dying = fixtures.person("两次死亡", LocalDate.of(1941, 2, 3), true, "NONE");
        ExchangeFixtures.Person moving = fixtures.person("两次搬家", LocalDate.of(1942, 3, 4), true, "NONE");
        String prefix = ExchangeFixtures.unique("twice");
        String records = """
                [{"recordId":"%1$s-1","type":"DEATH","idNumber":"%2$s","effectiveDate":"2026-01-05"},
                 {"recordId":"%1$s-2","type":"RESIDENCE_CHANGE","idNumber":"%3$s","effectiveDate":"2026-01-06",
                  "residenceDivisionCode":"%4$s"}]
                """.formatted(prefix, dying.idNumber(), moving.idNumber(), ExchangeFixtures.OTHER_VILLAGE);

        fixtures.feed("household", records).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(2)).andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected.length()").value(0)).andExpect(jsonPath("$.queuedForReview").value(0));
        JsonNode died = person(dying.id());
        assertThat(died.get("status").asString()).isEqualTo("DECEASED");
        assertThat(died.get("deathDate").asString()).isEqualTo("2026-01-05");
        JsonNode moved = person(moving.id());
        assertThat(moved.get("residenceDivisionCode").asString()).isEqualTo(ExchangeFixtures.OTHER_VILLAGE);
        long feedRecords = jdbc.sql("select count(*) from exchange.feed_record where record_id like :p")
                .param("p", prefix + "%").query(Long.class).single();
        long audits = audits();

        fixtures.feed("household", records).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(2));
        assertThat(person(dying.id()).get("version").asInt()).isEqualTo(died.get("version").asInt());
        assertThat(person(moving.id()).get("version").asInt()).isEqualTo(moved.get("version").asInt());
        assertThat(jdbc.sql("select count(*) from exchange.feed_record where record_id like :p")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(feedRecords).isEqualTo(2);
        assertThat(audits()).as("no registry change audited the second time").isEqualTo(audits);

        // every change names its feed record: the audit trail of the person points at it
        long recordId = jdbc.sql("select id from exchange.feed_record where record_id = :r").param("r", prefix + "-1")
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'PERSON_DECEASED' and target = :t "
                        + "and detail like :d").param("t", "person:" + dying.id())
                .param("d", "%source=feed-record:" + recordId + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select person_id from exchange.feed_record where id = :id").param("id", recordId)
                .query(Long.class).single()).isEqualTo(dying.id());
    }

    private long audits() {
        return jdbc.sql("select count(*) from audit.audit_event where type in ('PERSON_DECEASED', "
                + "'PERSON_RESIDENCE_CHANGED')").query(Long.class).single();
    }

    @Test
    void aMalformedRecordIsRejectedWithItsReasonWhileTheRestLoads() throws Exception {
        ExchangeFixtures.Person poor = fixtures.person("低保变更", LocalDate.of(1944, 4, 4), true, "NONE");
        String prefix = ExchangeFixtures.unique("bad");
        String badId = poor.idNumber().substring(0, 17) + (poor.idNumber().charAt(17) == '1' ? '2' : '1');
        String csv = """
                recordId,type,idNumber,effectiveDate,economicStatus
                %1$s-1,STATUS_CHANGE,%2$s,2026-02-01,MINIMUM_LIVING
                %1$s-2,STATUS_CHANGE,%3$s,2026-02-01,MINIMUM_LIVING
                %1$s-3,STATUS_CHANGE,%2$s,2026-02-01,RICH
                %1$s-4,BIRTH,%2$s,2026-02-01,NONE
                ,STATUS_CHANGE,%2$s,2026-02-01,NONE
                """.formatted(prefix, poor.idNumber(), badId);
        fixtures.upload("assistance", "救助变更.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(4))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].reason").value("身份证号无效（GB 11643 校验不通过）。"))
                .andExpect(jsonPath("$.rejected[1].index").value(2))
                .andExpect(jsonPath("$.rejected[1].code").value("exchange.reject.economic-status"))
                .andExpect(jsonPath("$.rejected[2].reason").value("类型“BIRTH”不属于数据来源“assistance”。"))
                .andExpect(jsonPath("$.rejected[3].code").value("exchange.reject.record-id"));
        assertThat(person(poor.id()).get("economicStatus").asString()).isEqualTo("MINIMUM_LIVING");

        // the same as an xlsx file, after the source corrected record 3: only the corrected record is new
        byte[] xlsx = xlsx(new String[][]{
                {"recordId", "type", "idNumber", "effectiveDate", "economicStatus"},
                {prefix + "-1", "STATUS_CHANGE", poor.idNumber(), "2026-02-01", "MINIMUM_LIVING"},
                {prefix + "-3", "STATUS_CHANGE", poor.idNumber(), "2026-03-01", "EXTREME_POVERTY"}});
        fixtures.upload("assistance", "救助变更.xlsx", xlsx).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(0));
        assertThat(person(poor.id()).get("economicStatus").asString()).isEqualTo("EXTREME_POVERTY");

        fixtures.upload("assistance", "notes.txt", "x".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        fixtures.feed("weather", "[{}]").andExpect(status().isNotFound());
    }

    private static byte[] xlsx(String[][] rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("feed");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aBirthCreatesTheInfantWithGuardians() throws Exception {
        ExchangeFixtures.Person mother = fixtures.person("新生母亲", LocalDate.of(1995, 5, 5), true, "NONE");
        LocalDate born = LocalDate.now().minusDays(20);
        String infantId = TestIdNumbers.next(born);
        String recordId = ExchangeFixtures.unique("birth");
        JsonNode loaded = fixtures.body(fixtures.feed("household", """
                [{"recordId":"%s","type":"BIRTH","idNumber":"%s","effectiveDate":"%s","name":"新生宝宝",
                  "residenceDivisionCode":"%s","guardians":[
                    {"name":"新生母亲","relation":"MOTHER","idNumber":"%s","phone":"13800000001"},
                    {"name":"新生父亲","relation":"father","phone":"13800000002"}]}]
                """.formatted(recordId, infantId, born, ExchangeFixtures.VILLAGE, mother.idNumber()))
                .andExpect(status().isAccepted()));
        assertThat(loaded.get("accepted").asInt()).isEqualTo(1);
        long infant = jdbc.sql("select person_id from exchange.feed_record where record_id = :r")
                .param("r", recordId).query(Long.class).single();
        JsonNode person = person(infant);
        assertThat(person.get("name").asString()).isEqualTo("新生宝宝");
        assertThat(person.get("birthDate").asString()).isEqualTo(born.toString());
        assertThat(person.get("category").asString()).isEqualTo("INFANT");
        JsonNode guardians = fixtures.get("/api/v1/persons/" + infant + "/guardians");
        assertThat(guardians.size()).isEqualTo(2);
        assertThat(guardians.findValuesAsString("relation")).containsExactlyInAnyOrder("MOTHER", "FATHER");
        assertThat(jdbc.sql("select guardian_person_id from registry.guardian where infant_id = :i and relation = "
                + "'MOTHER'").param("i", infant).query(Long.class).single()).isEqualTo(mother.id());

        // the same birth again changes nothing; a birth without a guardian is refused
        fixtures.feed("household", """
                [{"recordId":"%s-again","type":"BIRTH","idNumber":"%s","effectiveDate":"%s","name":"新生宝宝",
                  "residenceDivisionCode":"%s","guardians":[{"name":"新生母亲","relation":"MOTHER"}]},
                 {"recordId":"%s-orphan","type":"BIRTH","idNumber":"%s","effectiveDate":"%s","name":"无监护",
                  "residenceDivisionCode":"%s","guardians":[]}]
                """.formatted(recordId, infantId, born, ExchangeFixtures.VILLAGE, recordId,
                        TestIdNumbers.next(born), born, ExchangeFixtures.VILLAGE))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].code").value("exchange.reject.guardians"));
        assertThat(fixtures.get("/api/v1/persons/" + infant + "/guardians").size()).isEqualTo(2);
    }

    @Test
    void anUnmatchedRecordWaitsForReviewAndIsAppliedWhenResolved() throws Exception {
        String stranger = TestIdNumbers.next(LocalDate.of(1943, 6, 6));
        String recordId = ExchangeFixtures.unique("unmatched");
        fixtures.feed("household", """
                [{"recordId":"%s","type":"DEATH","idNumber":"%s","effectiveDate":"2026-04-01"}]
                """.formatted(recordId, stranger)).andExpect(jsonPath("$.queuedForReview").value(1));
        long queued = jdbc.sql("select id from exchange.feed_record where record_id = :r").param("r", recordId)
                .query(Long.class).single();
        JsonNode queue = fixtures.get("/api/v1/feeds/review");
        assertThat(queue.findValuesAsString("recordId")).contains(recordId);
        assertThat(queue.toString()).doesNotContain(stranger);

        // the clerk finds the record was registered under another number and resolves it to that person
        ExchangeFixtures.Person known = fixtures.person("核对老人", LocalDate.of(1943, 6, 6), true, "NONE");
        fixtures.admin(MockMvcRequestBuilders.post("/api/v1/feeds/review/" + queued + "/resolve")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + known.id()
                                + ",\"note\":\"户籍号码登记有误\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        assertThat(person(known.id()).get("status").asString()).isEqualTo("DECEASED");
        fixtures.admin(MockMvcRequestBuilders.post("/api/v1/feeds/review/" + queued + "/resolve")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + known.id() + "}"))
                .andExpect(status().isConflict());

        // the review page lists what waits
        String other = ExchangeFixtures.unique("waiting");
        fixtures.feed("health", """
                [{"recordId":"%s","type":"DISCHARGE","idNumber":"%s","effectiveDate":"2026-04-02"}]
                """.formatted(other, TestIdNumbers.next(LocalDate.of(1944, 7, 7))));
        String page = fixtures.page("/exchange/review");
        assertThat(page).contains(other).contains("身份证号未匹配到档案");
        assertThat(fixtures.page("/exchange")).contains("数据交换：数据导入").contains("待核对记录");
        assertThat(fixtures.page("/exchange/deliveries")).contains("省平台推送日志");
    }
}
