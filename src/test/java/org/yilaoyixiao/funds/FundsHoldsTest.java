package org.yilaoyixiao.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/** Holds placed by an official or by the rules, and their release under maker-checker (decision 0028). */
@PlatformTest
class FundsHoldsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    FundsFixtures funds;

    @BeforeEach
    void fixtures() {
        funds = new FundsFixtures(mvc, json);
    }

    private long account(String prefix) throws Exception {
        return funds.account(prefix + System.nanoTime() % 1_000_000, "0.1");
    }

    @Test
    void theOfficialWhoPlacedAHoldCannotReleaseItAnotherCan() throws Exception {
        String maker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        long account = account("人工止付院");

        funds.as(maker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/hold"),
                "{\"reason\":\"群众举报机构拖欠退费\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.automatic").value(false)).andExpect(jsonPath("$.placedBy").value(maker));
        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/hold"),
                "{\"reason\":\"再次止付\"}").andExpect(status().isConflict());
        assertThat(funds.account(account).get("status").asString()).isEqualTo("ON_HOLD");

        funds.as(maker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"已核实\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("止付须由另一位工作人员解除，您不能解除自己设置的止付。"));
        assertThat(jdbc.sql("select outcome from audit.audit_event where type = 'FUNDS_HOLD_RELEASED'"
                        + " and target = :t order by id desc limit 1").param("t", "custody-account:" + account)
                .query(String.class).single()).isEqualTo("DENIED");
        assertThat(funds.account(account).get("status").asString()).isEqualTo("ON_HOLD");

        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"核实举报不实，机构已按期退费\",\"confirmation\":\"%s\"}".formatted(
                        funds.releaseConfirmation(account, checker, Accounts.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.releasedBy").value(checker))
                .andExpect(jsonPath("$.releaseReason").value("核实举报不实，机构已按期退费"));
        assertThat(funds.account(account).get("status").asString()).isEqualTo("NORMAL");
        assertThat(funds.alerts(account).get(0).get("status").asString()).isEqualTo("RESOLVED");

        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"再解一次\"}").andExpect(status().isConflict());
    }

    /**
     * Issue 19: a release shows what it does first and must carry the confirmation of that preview. Without one, or
     * with a preview made before the account changed, it is refused in words a clerk understands and nothing moves.
     */
    @Test
    void aReleaseWithoutItsPreviewsConfirmationOrWithAStaleOneIsRefusedAndNothingMoves() throws Exception {
        String maker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        String checker = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        long account = account("确认解除院");
        funds.push(account, """
                [{"bankRef":"CF-001","at":"2026-05-02T09:00:00+08:00","amount":50000.00,"direction":"IN",
                  "counterpartyAccount":"6217000000000999","purpose":"押金"}]""").andExpect(status().isAccepted());
        funds.obligation(account, "DEPOSIT", "3000.00").andExpect(status().isCreated());
        funds.as(maker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/hold"),
                "{\"reason\":\"群众举报拖欠退费\"}").andExpect(status().isCreated());

        // the preview: the balance stays, what may be paid goes from nothing to the balance above the minimum
        funds.getAs(checker, Accounts.PASSWORD, "/api/v1/custody-accounts/" + account + "/release-preview")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(50000.00))
                .andExpect(jsonPath("$.payableBefore").value(0))
                .andExpect(jsonPath("$.obligations.length()").value(1))
                .andExpect(jsonPath("$.obligationsTotal").value(3000.00))
                .andExpect(jsonPath("$.alertsResolved").value(1));
        String previewed = funds.releaseConfirmation(account, checker, Accounts.PASSWORD);

        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"已核实\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("confirmation"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "解除止付前须先查看预览并确认，请点击“预览解除止付”核对后再确认。"));
        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"已核实\",\"confirmation\":\"0123456789abcdef\"}").andExpect(status().isConflict());
        assertThat(funds.account(account).get("status").asString()).isEqualTo("ON_HOLD");

        // a refund arrives after the preview: the confirmed preview no longer describes the account
        funds.push(account, """
                [{"bankRef":"CF-002","at":"2026-05-03T09:00:00+08:00","amount":1000.00,"direction":"OUT",
                  "counterpartyAccount":"6217000000000999","purpose":"退押金","refund":true}]""")
                .andExpect(status().isAccepted());
        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"已核实\",\"confirmation\":\"%s\"}".formatted(previewed))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(
                        "您核对的预览已过期：账户在此期间有新的流水、预收费用或预警变化。止付未解除，请核对最新情况后重新确认。"));
        assertThat(funds.account(account).get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(funds.alerts(account).get(0).get("status").asString()).isNotEqualTo("RESOLVED");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'FUNDS_HOLD_RELEASED'"
                        + " and target = :t and outcome = 'DENIED'").param("t", "custody-account:" + account)
                .query(Long.class).single()).isEqualTo(3);

        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"已核实\",\"confirmation\":\"%s\"}".formatted(
                        funds.releaseConfirmation(account, checker, Accounts.PASSWORD))).andExpect(status().isOk());
        assertThat(funds.account(account).get("status").asString()).isEqualTo("NORMAL");
    }

    @Test
    void aHoldPlacedByTheRulesIsReleasedByAnAuthorisedOfficialWithAReason() throws Exception {
        String official = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        String auditor = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        String township = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        long account = account("系统止付院");
        funds.importStatement(account, "non-designated.csv").andExpect(status().isAccepted());
        assertThat(funds.account(account).get("status").asString()).isEqualTo("ON_HOLD");

        // The auditor reads but may not release; township staff have no part in fund supervision.
        funds.getAs(auditor, Accounts.PASSWORD, "/api/v1/custody-accounts/" + account).andExpect(status().isOk());
        funds.as(auditor, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"审计\"}").andExpect(status().isForbidden());
        funds.getAs(township, Accounts.PASSWORD, "/api/v1/fund-alerts").andExpect(status().isForbidden());

        funds.as(official, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"对方账户为机构新开的食堂采购户，已补充为指定账户\",\"confirmation\":\"%s\"}".formatted(
                        funds.releaseConfirmation(account, official, Accounts.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.automatic").value(true));
        assertThat(funds.account(account).get("status").asString()).isEqualTo("NORMAL");
        assertThat(funds.alerts(account).get(0).get("resolution").asString()).contains("食堂采购户");
        assertThat(jdbc.sql("select actor from audit.audit_event where type = 'FUNDS_HOLD_RELEASED'"
                        + " and target = :t and outcome = 'SUCCESS'").param("t", "custody-account:" + account)
                .query(String.class).single()).isEqualTo(official);
    }

    @Test
    void bureauStaffOfAnotherBureauAreRefused() throws Exception {
        String username = Accounts.unique("health");
        mvc.perform(post("/api/v1/users").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                                {"username":"%s","password":"%s","displayName":"卫健","roles":["BUREAU_STAFF"],
                                 "divisionCode":"%s","bureau":"HEALTH"}""".formatted(username,
                                Accounts.INITIAL_PASSWORD, PlatformTest.COUNTY)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/me/password").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(username, Accounts.INITIAL_PASSWORD))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(Accounts.INITIAL_PASSWORD,
                        Accounts.PASSWORD))).andExpect(status().isNoContent());
        long account = account("卫健无权院");
        funds.getAs(username, Accounts.PASSWORD, "/api/v1/custody-accounts/" + account)
                .andExpect(status().isForbidden());
    }
}
