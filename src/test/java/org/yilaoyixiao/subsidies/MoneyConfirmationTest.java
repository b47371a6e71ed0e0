package org.yilaoyixiao.subsidies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Money moves only on a confirmed preview (issue 19): approving a run or a grant through the page without the
 * preview's confirmation, or with the confirmation of a preview the run has since left behind (computed again), is
 * refused in Chinese and nothing is approved; the fresh preview's confirmation approves it.
 */
@PlatformTest
class MoneyConfirmationTest {

    /** A month no other test computes, so that approving it makes none of theirs stale. */
    private static final String MONTH = "2044-02";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    MoneyPages pages;
    SubsidyFixtures fixtures;

    @BeforeEach
    void setUp() {
        pages = new MoneyPages(mvc);
        fixtures = new SubsidyFixtures(mvc, json);
    }

    private String status(long run) {
        return jdbc.sql("select status from subsidies.run where id = :id").param("id", run).query(String.class)
                .single();
    }

    @Test
    void aRunIsApprovedOnlyWithTheConfirmationOfItsCurrentPreview() throws Exception {
        String maker = pages.civilAffairsClerk("冯制单");
        String checker = pages.civilAffairsClerk("陈审批");
        MockHttpSession checkerSession = pages.login(checker);
        long run = fixtures.run(maker, Accounts.PASSWORD, "INSTITUTION_OPERATING", MONTH).get("id").asLong();

        var missing = pages.flash(checkerSession, post("/subsidies/runs/" + run + "/approve"));
        assertThat(missing.get("problem")).asString().contains("请先打开审批预览");
        assertThat(status(run)).isEqualTo("DRAFT");

        Document preview = pages.page(checkerSession, "/subsidies/runs/" + run + "/approve");
        JsonNode computed = fixtures.body(fixtures.asAdmin("GET", "/api/v1/subsidies/runs/" + run, null));
        assertThat(preview.select("#preview-count").text().replace(",", ""))
                .isEqualTo(computed.get("lineCount").asString());
        assertThat(preview.select("#maker-checker").text()).contains("冯制单").contains("审批人不能是制单人");
        String stale = preview.select("#confirm-form input[name=confirmation]").val();
        assertThat(stale).isNotBlank();

        // the preparer computes the month again after the preview: the old confirmation no longer holds
        fixtures.run(maker, Accounts.PASSWORD, "INSTITUTION_OPERATING", MONTH);
        var refused = pages.flash(checkerSession, post("/subsidies/runs/" + run + "/approve")
                .param("confirmation", stale));
        assertThat(refused.get("problem")).asString().contains("预览之后数据已有变化");
        assertThat(status(run)).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'SUBSIDY_RUN_APPROVAL_REFUSED'"
                + " and target = :t").param("t", "subsidy-run:" + run).query(Long.class).single()).isGreaterThanOrEqualTo(2);

        String fresh = pages.page(checkerSession, "/subsidies/runs/" + run + "/approve")
                .select("#confirm-form input[name=confirmation]").val();
        var approved = pages.flash(checkerSession, post("/subsidies/runs/" + run + "/approve")
                .param("confirmation", fresh));
        assertThat(approved.get("approved")).isEqualTo(true);
        assertThat(status(run)).isEqualTo("APPROVED");

        // the preparer sees the preview but no confirm button, and the page tells them why
        Document own = pages.page(pages.login(maker), "/subsidies/runs/" + run + "/approve");
        assertThat(own.select("#confirm-form")).isEmpty();
    }
}
