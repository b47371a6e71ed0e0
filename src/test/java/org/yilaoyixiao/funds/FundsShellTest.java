package org.yilaoyixiao.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.subsidies.MoneyPages;
import org.yilaoyixiao.support.PlatformTest;

/**
 * Fund supervision as the 民政局 clerks use it (issue 18): open alerts in the inbox (up when a movement raises them,
 * down when acknowledged, not for another bureau), an account opened for an institution chosen with the picker,
 * accounts and alerts paged and filtered, one alert's page, and a missing account or alert a 404.
 */
@PlatformTest
class FundsShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    MoneyPages pages;
    FundsFixtures funds;

    @BeforeEach
    void setUp() {
        pages = new MoneyPages(mvc);
        funds = new FundsFixtures(mvc, json);
    }

    private long openAlerts(long account) {
        return jdbc.sql("select count(*) from funds.alert where custody_account_id = :a and status = 'OPEN'")
                .param("a", account).query(Long.class).single();
    }

    @Test
    void openAlertsRiseInTheInboxOfTheCivilAffairsClerksAndFallWhenAcknowledged() throws Exception {
        MockHttpSession civil = pages.login(pages.civilAffairsClerk("资金监管员"));
        MockHttpSession health = pages.login(pages.account("BUREAU_STAFF", PlatformTest.COUNTY, "HEALTH", "卫健科员"));
        MockHttpSession township = pages.login(pages.account("TOWNSHIP_STAFF", PlatformTest.HECHENG, null, "镇干部"));
        long before = pages.inbox(civil, "funds.inbox.alerts");

        String institution = "银杏颐养院" + System.nanoTime() % 100000;
        long account = funds.account(institution, "0.1");
        funds.importStatement(account, "large-outflow.csv").andExpect(status().isAccepted());
        long raised = openAlerts(account);
        assertThat(raised).isPositive();

        assertThat(pages.inbox(civil, "funds.inbox.alerts")).isEqualTo(before + raised);
        assertThat(pages.inbox(health, "funds.inbox.alerts")).as("not the 卫健局's business").isZero();
        assertThat(pages.inbox(township, "funds.inbox.alerts")).isZero();
        String link = pages.inboxLink(civil, "funds.inbox.alerts");
        assertThat(link).isEqualTo("/funds/alerts?status=OPEN");
        assertThat(pages.page(civil, link).select("#alert-table").text()).contains(institution);

        long alert = jdbc.sql("select id from funds.alert where custody_account_id = :a and status = 'OPEN' "
                + "order by id limit 1").param("a", account).query(Long.class).single();
        MockHttpServletResponse acknowledged = pages.send(civil, post("/funds/alerts/" + alert + "/acknowledge"));
        assertThat(acknowledged.getRedirectedUrl()).isEqualTo("/funds/alerts/" + alert);
        assertThat(pages.inbox(civil, "funds.inbox.alerts")).isEqualTo(before + raised - 1);

        Document page = pages.page(civil, "/funds/alerts/" + alert);
        assertThat(page.select("#alert-status").text()).isEqualTo("处理中");
        assertThat(page.select("dl").text()).contains("资金监管员");
        assertThat(page.select("main").text()).contains(institution);
        assertThat(MoneyPages.latinWords(page.selectFirst("main"))).isEmpty();
    }

    @Test
    void anAccountIsOpenedForAnInstitutionChosenWithThePickerAndTheListsArePagedAndFiltered() throws Exception {
        String clerk = pages.civilAffairsClerk("开户经办");
        MockHttpSession session = pages.login(clerk);
        String name = "松柏养老院" + System.nanoTime() % 100000;
        long institution = funds.placement().institution(name, 6, 4);

        MockHttpServletResponse opened = pages.send(session, post("/funds/accounts")
                .param("institutionId", Long.toString(institution)).param("bank", "青田农商银行")
                .param("accountNumber", "6228 4800 1122 3344").param("minimumRatio", "0.15"));
        assertThat(opened.getRedirectedUrl()).startsWith("/funds/accounts/");
        long account = Long.parseLong(opened.getRedirectedUrl().substring("/funds/accounts/".length()));
        Document page = pages.page(session, "/funds/accounts/" + account);
        assertThat(page.select("h1").text()).isEqualTo(name);
        assertThat(page.text()).contains("15%").contains("6228********3344");
        assertThat(MoneyPages.latinWords(page.selectFirst("main"))).isEmpty();

        var missing = pages.flash(session, post("/funds/accounts").param("institutionId", "")
                .param("bank", "青田农商银行").param("accountNumber", "62284800112233"));
        assertThat(String.valueOf(missing.get("openProblems"))).contains("请选择养老机构。");

        // the dashboard and the alerts filtered to the institution chosen with the picker
        Document dashboard = pages.page(session, "/funds?institution=" + institution);
        assertThat(dashboard.select("#account-table tbody tr")).hasSize(1);
        assertThat(dashboard.select(".pager-summary").text()).contains("共 1 条");
        funds.importStatement(account, "large-outflow.csv").andExpect(status().isAccepted());
        Document alerts = pages.page(session, "/funds/alerts?institution=" + institution + "&kind=LARGE_OUTFLOW");
        assertThat(alerts.select("#alert-table tbody tr")).hasSize(1);
        assertThat(alerts.select("#alert-table").text()).contains(name).contains("单笔大额支出")
                .contains("60,000.00");
        assertThat(alerts.select(".pager-summary").text()).contains("共 1 条");
        assertThat(pages.page(session, "/funds/alerts?month=2026-04&institution=" + institution)
                .select("#alert-table tbody tr")).isNotEmpty();
        assertThat(pages.page(session, "/funds/alerts?month=2025-01&institution=" + institution)
                .select("#alert-table tbody tr")).isEmpty();
        assertThat(pages.get(session, "/funds/alerts?month=2026-13", "zh-CN").getStatus()).isEqualTo(400);
        assertThat(pages.get(session, "/funds/alerts?kind=NOPE", "zh-CN").getStatus()).isEqualTo(400);
        assertThat(pages.get(session, "/funds?status=NOPE", "zh-CN").getStatus()).isEqualTo(400);
        Document movements = pages.page(session, "/funds/accounts/" + account);
        assertThat(movements.select("#movement-table tbody tr")).hasSize(4);
        assertThat(movements.select(".pager-summary").text()).contains("共 4 条");
    }

    @Test
    void aMissingAccountOrAlertIsNotFoundOnEveryRouteAndAnotherBureauIsRefused() throws Exception {
        MockHttpSession civil = pages.login(pages.civilAffairsClerk("查无此户"));
        for (String path : List.of("/funds/accounts/999999999", "/funds/alerts/999999999")) {
            MockHttpServletResponse response = pages.get(civil, path, "zh-CN");
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("未找到或无权查看");
        }
        for (String path : List.of("/funds/accounts/999999999/reveal", "/funds/accounts/999999999/hold",
                "/funds/accounts/999999999/release", "/funds/alerts/999999999/acknowledge")) {
            assertThat(pages.send(civil, post(path).param("reason", "核查")).getStatus()).as(path).isEqualTo(404);
        }
        assertThat(mvc.perform(multipart("/funds/accounts/999999999/statements")
                .file(new MockMultipartFile("file", "对账单.csv", "text/csv", "银行流水号\n".getBytes(StandardCharsets.UTF_8)))
                .session(civil).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        long account = funds.account("外局止步院" + System.nanoTime() % 100000, "0.1");
        MockHttpSession health = pages.login(pages.account("BUREAU_STAFF", PlatformTest.COUNTY, "HEALTH", "卫健外局"));
        MockHttpServletResponse refused = pages.get(health, "/funds/accounts/" + account, "zh-CN");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("外局止步院");
    }
}
