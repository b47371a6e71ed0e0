package org.yilaoyixiao.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.exchange.ExchangeFixtures;
import org.yilaoyixiao.subsidies.MoneyPages;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/**
 * Data exchange as the county clerks and administrators use it (issue 18): records waiting for review and failed
 * province deliveries in the inbox (up and down), one queued record applied to the person chosen with the picker,
 * the lists paged and filtered, and missing records a 404 on every route.
 */
@PlatformTest
class ExchangeShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProvinceOutbox outbox;

    MoneyPages pages;
    ExchangeFixtures fixtures;

    @BeforeEach
    void setUp() {
        pages = new MoneyPages(mvc);
        fixtures = new ExchangeFixtures(mvc, json);
    }

    /** A discharge from hospital of someone the registry does not know: it waits for review. */
    private long unmatchedDischarge(String recordId) throws Exception {
        String idNumber = TestIdNumbers.next(LocalDate.of(1944, 2, 2));
        fixtures.feed("health", """
                [{"recordId":"%s","type":"DISCHARGE","idNumber":"%s","effectiveDate":"2026-10-15","hospital":"青田县人民医院"}]
                """.formatted(recordId, idNumber));
        return jdbc.sql("select id from exchange.feed_record where feed = 'health' and record_id = :r")
                .param("r", recordId).query(Long.class).single();
    }

    @Test
    void aRecordInReviewWaitsInTheInboxUntilAppliedToThePersonChosenWithThePicker() throws Exception {
        MockHttpSession clerk = pages.login(pages.civilAffairsClerk("核对员"));
        MockHttpSession township = pages.login(pages.account("TOWNSHIP_STAFF", PlatformTest.HECHENG, null, "镇核对"));
        long before = pages.inbox(clerk, "exchange.inbox.review");
        String recordId = "HE-SHELL-" + System.nanoTime();
        long record = unmatchedDischarge(recordId);

        assertThat(pages.inbox(clerk, "exchange.inbox.review")).isEqualTo(before + 1);
        assertThat(pages.inbox(township, "exchange.inbox.review")).isZero();
        assertThat(pages.inboxLink(clerk, "exchange.inbox.review")).isEqualTo("/exchange/review");
        Document list = pages.page(clerk, "/exchange/review?feed=health&type=DISCHARGE");
        assertThat(list.select(".pager-summary").text()).contains("共");
        assertThat(MoneyPages.latinWords(list.selectFirst("main"))).isEmpty();

        Document page = pages.page(clerk, "/exchange/review/" + record);
        assertThat(page.select("#record-fields").text()).contains("医院").contains("青田县人民医院")
                .contains("身份证号未匹配到档案");
        assertThat(MoneyPages.latinWords(page.selectFirst("main"))).isEmpty();

        var missing = pages.flash(clerk, post("/exchange/review/" + record + "/resolve").param("personId", ""));
        assertThat(missing.get("problem")).isEqualTo("请选择这条记录对应的人员。");

        // the form submits the id the person picker put in its hidden field
        ExchangeFixtures.Person person = fixtures.person("俞出院", LocalDate.of(1944, 2, 2), true, "NONE");
        MockHttpServletResponse resolved = pages.send(clerk, post("/exchange/review/" + record + "/resolve")
                .param("personId", Long.toString(person.id())).param("note", "新迁入，已建档"));
        assertThat(resolved.getRedirectedUrl()).isEqualTo("/exchange/review");
        assertThat(jdbc.sql("select status from exchange.feed_record where id = :id").param("id", record)
                .query(String.class).single()).isEqualTo("RESOLVED");
        assertThat(pages.inbox(clerk, "exchange.inbox.review")).isEqualTo(before);
        Document done = pages.page(clerk, "/exchange/review/" + record);
        assertThat(done.select("#record-status").text()).isEqualTo("已核对应用");
        assertThat(done.select("#record-fields").text()).contains("核对员");
        assertThat(done.select("#resolve-form")).isEmpty();
    }

    @Test
    void failedProvinceDeliveriesWaitInTheAdministratorsInboxUntilRetried() throws Exception {
        MockHttpSession admin = pages.login(PlatformTest.ADMIN);
        MockHttpSession clerk = pages.login(pages.civilAffairsClerk("推送旁观"));
        long before = pages.inbox(admin, "exchange.inbox.failed");
        String key = "SHELL-FAILED-" + System.nanoTime();
        try {
            assertThat(outbox.enqueue("ELDERS", key, "2026-11-30", 1, "{}")).isTrue();
            jdbc.sql("update exchange.province_outbox set status = 'FAILED', attempts = 8, last_error = 'HTTP 503' "
                    + "where idempotency_key = :k").param("k", key).update();
            assertThat(pages.inbox(admin, "exchange.inbox.failed")).isEqualTo(before + 1);
            assertThat(pages.inbox(clerk, "exchange.inbox.failed")).as("for administrators").isZero();
            String link = pages.inboxLink(admin, "exchange.inbox.failed");
            assertThat(link).isEqualTo("/exchange/deliveries?status=FAILED");
            Document failed = pages.page(admin, link);
            assertThat(failed.select("#delivery-table").text()).contains(key).contains("失败");
            assertThat(MoneyPages.latinWords(failed.selectFirst("main"))).isEmpty();

            long id = jdbc.sql("select id from exchange.province_outbox where idempotency_key = :k").param("k", key)
                    .query(Long.class).single();
            assertThat(pages.send(admin, post("/exchange/deliveries/" + id + "/retry")).getStatus()).isEqualTo(302);
            assertThat(pages.inbox(admin, "exchange.inbox.failed")).isEqualTo(before);
        } finally {
            // nothing of this test is ever delivered by another test's dispatch
            jdbc.sql("delete from exchange.province_outbox where idempotency_key = :k").param("k", key).update();
        }
    }

    @Test
    void theLoadShowsPeopleByNameAndMissingRecordsAreNotFoundOnEveryRoute() throws Exception {
        MockHttpSession clerk = pages.login(pages.civilAffairsClerk("导入员"));
        ExchangeFixtures.Person person = fixtures.person("郝出院", LocalDate.of(1945, 5, 5), true, "NONE");
        String recordId = "HE-NAME-" + System.nanoTime();
        fixtures.feed("health", """
                [{"recordId":"%s","type":"DISCHARGE","idNumber":"%s","effectiveDate":"2026-10-16","hospital":"丽水市中心医院"}]
                """.formatted(recordId, person.idNumber()));
        long load = jdbc.sql("select load_id from exchange.feed_record where record_id = :r").param("r", recordId)
                .query(Long.class).single();
        Document page = pages.page(clerk, "/exchange/loads/" + load);
        assertThat(page.select("#record-" + recordId + " .record-person").text()).isEqualTo("郝出院");
        assertThat(page.select(".pager-summary").text()).contains("共 1 条");
        assertThat(MoneyPages.latinWords(page.selectFirst("main"))).isEmpty();
        Document feeds = pages.page(clerk, "/exchange?feed=health");
        assertThat(feeds.select(".pager-summary").text()).contains("共");
        assertThat(MoneyPages.latinWords(feeds.selectFirst("main"))).isEmpty();
        assertThat(pages.get(clerk, "/exchange?feed=nope", "zh-CN").getStatus()).isEqualTo(400);

        for (String path : List.of("/exchange/loads/999999999", "/exchange/review/999999999")) {
            MockHttpServletResponse response = pages.get(clerk, path, "zh-CN");
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("未找到或无权查看");
        }
        for (String path : List.of("/exchange/review/999999999/resolve", "/exchange/review/999999999/dismiss",
                "/exchange/deliveries/999999999/retry")) {
            assertThat(pages.send(clerk, post(path).param("note", "无此记录").param("personId", "1")).getStatus())
                    .as(path).isEqualTo(404);
        }
    }
}
