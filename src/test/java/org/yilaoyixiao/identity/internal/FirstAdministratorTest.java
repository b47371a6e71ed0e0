package org.yilaoyixiao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class FirstAdministratorTest {

    @Autowired
    FirstAdministrator firstAdministrator;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yilaoyixiao.divisions.DivisionDirectory divisions;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Autowired
    org.yilaoyixiao.audit.AuditTrail audit;

    @Autowired
    java.time.Clock clock;

    @Test
    void theConfiguredPasswordIsTheAdministratorsPassword() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("admin", PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("COUNTY_ADMIN"))
                .andExpect(jsonPath("$.divisionCode").value(PlatformTest.COUNTY));
        assertThat(accounts.findByUsername("admin")).get()
                .satisfies(a -> assertThat(a.passwordHash()).startsWith("$2").doesNotContain(PlatformTest.ADMIN_PASSWORD));
    }

    @Test
    void theCountyCodeMustNameACounty() throws Exception {
        FirstAdministrator atTownship = new FirstAdministrator(accounts, divisions, encoder, audit, clock,
                "Strong-Pass-2026", PlatformTest.HECHENG);
        assertThatThrownBy(() -> atTownship.create("Strong-Pass-2026"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("county-level");
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStart() {
        assertThatThrownBy(() -> firstAdministrator.create("admin123"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YLY_ADMIN_PASSWORD");
    }
}
