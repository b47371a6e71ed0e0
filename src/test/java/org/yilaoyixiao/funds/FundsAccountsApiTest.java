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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Opening custody accounts and registering obligations, per the API contract. */
@PlatformTest
class FundsAccountsApiTest {

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

    @Test
    void anAccountIsOpenedOncePerInstitutionWithItsNumberEncryptedAndMasked() throws Exception {
        long institution = funds.placement().institution("存管开户院" + System.nanoTime() % 1_000_000, 5, 5);
        String body = """
                {"institutionId":%d,"bank":"青田农商银行","accountNumber":"6228 4800 1234 5678 901","minimumRatio":0.25}
                """.formatted(institution);
        JsonNode created = funds.placement().body(funds.placement().send(post("/api/v1/custody-accounts"), body)
                .andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        JsonNode account = funds.account(id);
        assertThat(account.get("institutionId").asLong()).isEqualTo(institution);
        assertThat(account.get("balance").decimalValue()).isZero();
        assertThat(account.get("requiredMinimum").decimalValue()).isZero();
        assertThat(account.get("status").asString()).isEqualTo("NORMAL");
        assertThat(account.get("accountNumberMasked").asString()).isEqualTo("6228***********8901");
        byte[] cipher = jdbc.sql("select account_number_cipher from funds.custody_account where id = :id")
                .param("id", id).query(byte[].class).single();
        assertThat(new String(cipher, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("62284800");

        funds.placement().send(post("/api/v1/custody-accounts"), body).andExpect(status().isConflict());

        funds.placement().send(post("/api/v1/custody-accounts/" + id + "/reveal-account-number"), "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.accountNumber").value("6228480012345678901"));
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'FUNDS_ACCOUNT_NUMBER_REVEALED'"
                + " and target = :t").param("t", "custody-account:" + id).query(Integer.class).single()).isEqualTo(1);

        funds.obligation(id, "PREPAID_FEE", "36000.00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.requiredMinimum").value(9000.00))
                .andExpect(jsonPath("$.status").value("BELOW_MINIMUM"));
        assertThat(funds.account(id).get("requiredMinimum").decimalValue()).isEqualByComparingTo("9000.00");
    }

    @Test
    void invalidInputIsRefusedFieldByField() throws Exception {
        funds.placement().send(post("/api/v1/custody-accounts"), """
                {"institutionId":999999999,"bank":"","accountNumber":"12","minimumRatio":1.5}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "institutionId", "bank", "accountNumber", "minimumRatio")));
        long id = funds.account("义务校验院" + System.nanoTime() % 1_000_000, "0.1");
        funds.placement().send(post("/api/v1/custody-accounts/" + id + "/obligations"), """
                {"personId":-1,"kind":"LOAN","amount":-5,"refundSchedule":[{"due":"2027-01-01","amount":10}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "personId", "kind", "amount")));
        funds.push(id, """
                [{"bankRef":"","at":"昨天","amount":0,"direction":"SIDEWAYS"}]""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "[0].bankRef", "[0].at", "[0].amount", "[0].direction")));
    }

    @Test
    void aTownshipUserCannotSeeCustodyAccounts() throws Exception {
        long id = funds.account("范围校验院" + System.nanoTime() % 1_000_000, "0.1");
        String township = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        String operator = Accounts.create(mvc, "INSTITUTION_OPERATOR", PlatformTest.HECHENG);
        funds.getAs(township, Accounts.PASSWORD, "/api/v1/custody-accounts/" + id).andExpect(status().isForbidden());
        funds.getAs(operator, Accounts.PASSWORD, "/api/v1/custody-accounts/" + id).andExpect(status().isForbidden());
    }
}
