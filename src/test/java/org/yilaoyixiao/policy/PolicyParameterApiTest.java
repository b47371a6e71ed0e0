package org.yilaoyixiao.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.subsidies.QuoteClient;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class PolicyParameterApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyParameters parameters;

    @Autowired
    JdbcClient jdbc;

    private ResultActions addValue(String user, String password, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/policy/parameters/" + key + "/values").with(httpBasic(user, password))
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN").content(body));
    }

    @Test
    void listsThePlansValuesWithReferencesAndProvisionalMarks() throws Exception {
        mvc.perform(get("/api/v1/policy/parameters").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'institution-construction.owned.nursing')].unit").value("CNY/bed"))
                .andExpect(jsonPath("$[?(@.key == 'institution-construction.owned.nursing')].values[0].value").value(11000))
                .andExpect(jsonPath("$[?(@.key == 'institution-construction.leased.assisted')].values[0].value").value(4500))
                .andExpect(jsonPath("$[?(@.key == 'institution-operating.public-built-private-run-share')].values[0].value").value(0.5))
                .andExpect(jsonPath("$[?(@.key == 'childcare-allowance.per-month')].values[0].effectiveFrom").value("2025-01-01"))
                .andExpect(jsonPath("$[?(@.key == 'childcare-slot-construction.per-slot')].values[0].reference")
                        .value("《青田县“一老一小”整体解决方案》四（五）1"))
                .andExpect(jsonPath("$[?(@.key == 'elderly-service-subsidy.level2')].values[0].reference")
                        .value("待县民政局/卫健局确认"))
                .andExpect(jsonPath("$[?(@.key == 'elderly-service-subsidy.level2')].values[0].provisional").value(true))
                .andExpect(jsonPath("$[?(@.key == 'institution-operating.star5')].values[0].provisional").value(false));
        assertThat(parameters.valueAsOf("institution-operating.star4", LocalDate.of(2026, 1, 1)).value())
                .isEqualByComparingTo("240");
        assertThat(parameters.find("childcare-allowance.per-month", LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void aNewValueChangesQuotesFromItsDateOnlyAndNeverRewritesThePast() throws Exception {
        QuoteClient quotes = new QuoteClient(mvc, json);
        String facts = """
                {"operationModel":"PRIVATE","premises":"OWNED","operatingMonths":24,"starRating":3,
                 "beds":{"NURSING":10,"ASSISTED":0}}""";
        addValue(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, "institution-construction.owned.nursing", """
                {"effectiveFrom":"2035-01-01","value":12000,"reference":"测试文件〔2034〕1号 第二条"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.value").value(12000));
        assertThat(QuoteClient.amount(quotes.quote("INSTITUTION_CONSTRUCTION", "2034-12-31", facts)))
                .isEqualByComparingTo("110000");
        var after = quotes.quote("INSTITUTION_CONSTRUCTION", "2035-01-01", facts);
        assertThat(QuoteClient.amount(after)).isEqualByComparingTo("120000");
        assertThat(after.get("lines").get(0).get("reference").asString()).isEqualTo("测试文件〔2034〕1号 第二条");
        assertThat(QuoteClient.amount(quotes.quote("INSTITUTION_CONSTRUCTION", "2026-05-01", facts)))
                .isEqualByComparingTo("110000");

        // on or before the latest date: 409, nothing added
        addValue(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, "institution-construction.owned.nursing", """
                {"effectiveFrom":"2035-01-01","value":13000,"reference":"重复"}""")
                .andExpect(status().isConflict());
        addValue(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, "institution-construction.owned.nursing", """
                {"effectiveFrom":"2030-01-01","value":13000,"reference":"更早"}""")
                .andExpect(status().isConflict());
        assertThat(parameters.valueAsOf("institution-construction.owned.nursing", LocalDate.of(2036, 1, 1)).value())
                .isEqualByComparingTo("12000");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'POLICY_VALUE_ADDED' "
                + "and target = 'parameter:institution-construction.owned.nursing'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void pastValuesCannotBeEditedEvenInTheDatabase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "update policy.parameter_value set value = 1 where key = 'institution-operating.star1'").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void onlyTheCountyAdministratorAddsValuesAndEachFieldIsChecked() throws Exception {
        String bureau = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        addValue(bureau, Accounts.PASSWORD, "institution-operating.star1", """
                {"effectiveFrom":"2040-01-01","value":130,"reference":"x"}""").andExpect(status().isForbidden());
        addValue(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, "institution-operating.star1", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'effectiveFrom')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'value')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reference')]").exists());
        addValue(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, "no-such.parameter", """
                {"effectiveFrom":"2040-01-01","value":130,"reference":"x"}""").andExpect(status().isNotFound());
    }
}
