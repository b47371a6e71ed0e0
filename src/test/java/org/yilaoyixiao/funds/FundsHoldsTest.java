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
                "{\"reason\":\"核实举报不实，机构已按期退费\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.releasedBy").value(checker))
                .andExpect(jsonPath("$.releaseReason").value("核实举报不实，机构已按期退费"));
        assertThat(funds.account(account).get("status").asString()).isEqualTo("NORMAL");
        assertThat(funds.alerts(account).get(0).get("status").asString()).isEqualTo("RESOLVED");

        funds.as(checker, Accounts.PASSWORD, post("/api/v1/custody-accounts/" + account + "/release"),
                "{\"reason\":\"再解一次\"}").andExpect(status().isConflict());
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
                "{\"reason\":\"对方账户为机构新开的食堂采购户，已补充为指定账户\"}").andExpect(status().isOk())
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
