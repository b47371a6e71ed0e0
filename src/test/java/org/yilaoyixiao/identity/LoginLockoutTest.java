package org.yilaoyixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;

@PlatformTest
class LoginLockoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private ResultActions me(String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/me").with(httpBasic(username, password)));
    }

    private ResultActions formLogin(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()));
    }

    @Test
    void fiveFailuresLockTheApiUntilTheLockRunsOut() throws Exception {
        String user = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        for (int i = 1; i <= 4; i++) {
            me(user, "Wrong-Pass-" + i).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        }
        me(user, "Wrong-Pass-5").andExpect(status().isLocked()).andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"));

        // locked: even the right password is refused, on the API and on the login form
        me(user, Accounts.PASSWORD).andExpect(status().isLocked())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"));
        formLogin(user, Accounts.PASSWORD).andExpect(redirectedUrl("/login?locked"));

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        me(user, Accounts.PASSWORD).andExpect(status().isLocked());

        clock.advance(Duration.ofSeconds(2));
        me(user, Accounts.PASSWORD).andExpect(status().isOk()).andExpect(jsonPath("$.username").value(user));

        List<String> types = jdbc.sql("select type from audit.audit_event where actor = :u order by id")
                .param("u", user).query(String.class).list();
        assertThat(types).containsSubsequence("LOGIN_FAILURE", "LOGIN_FAILURE", "LOGIN_FAILURE", "LOGIN_FAILURE",
                "LOGIN_FAILURE", "ACCOUNT_LOCKED", "LOGIN_REJECTED_LOCKED", "LOGIN_SUCCESS");
    }

    @Test
    void formLoginFailuresCountTowardsTheSameLock() throws Exception {
        String user = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        for (int i = 1; i <= 4; i++) {
            formLogin(user, "Wrong-Pass-" + i).andExpect(redirectedUrl("/login?error"));
        }
        me(user, "Wrong-Pass-5").andExpect(status().isLocked());
        formLogin(user, Accounts.PASSWORD).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void aSuccessResetsTheCount() throws Exception {
        String user = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        for (int i = 1; i <= 4; i++) {
            me(user, "Wrong-Pass-" + i).andExpect(status().isUnauthorized());
        }
        formLogin(user, Accounts.PASSWORD).andExpect(redirectedUrl("/"));
        for (int i = 1; i <= 4; i++) {
            me(user, "Wrong-Pass-" + i).andExpect(status().isUnauthorized());
        }
        me(user, Accounts.PASSWORD).andExpect(status().isOk());
    }

    @Test
    void anAdministratorCanUnlockEarly() throws Exception {
        String user = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        for (int i = 1; i <= 5; i++) {
            me(user, "Wrong-Pass-" + i);
        }
        me(user, Accounts.PASSWORD).andExpect(status().isLocked());
        mvc.perform(post("/api/v1/users/" + user + "/unlock").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isNoContent());
        me(user, Accounts.PASSWORD).andExpect(status().isOk());
    }

    @Test
    void unknownAccountsAndDisabledAccountsAreRefused() throws Exception {
        me("nobody-" + System.nanoTime(), "Whatever-123").andExpect(status().isUnauthorized());
        String user = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        mvc.perform(post("/api/v1/users/" + user + "/disable").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isNoContent());
        me(user, Accounts.PASSWORD).andExpect(status().isUnauthorized());
        formLogin(user, Accounts.PASSWORD).andExpect(redirectedUrl("/login?disabled"));
    }
}
