package org.yilaoyixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;

/** Guessing passwords: in parallel, for usernames nobody has, and from one address across many accounts. */
@PlatformTest
class LoginThrottleTest {

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

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private ResultActions me(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/me").with(httpBasic(username, password)).with(from(address)));
    }

    @Test
    void sixtyParallelGuessesLockTheAccountAndTheRightOneAfterThemIsRefused() throws Exception {
        String user = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            // submitted in order to a pool of 16: the 45th starts only after at least 29 others have finished
            for (int i = 1; i <= 60; i++) {
                String password = i == 45 ? Accounts.PASSWORD : "Wrong-Guess-" + i;
                answers.add(pool.submit(() -> mvc.perform(get("/api/v1/me").with(httpBasic(user, password)))
                        .andReturn().getResponse().getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses.get(44)).as("the right password after the limit").isEqualTo(423);
            assertThat(statuses).doesNotContain(200, 500);
        } finally {
            pool.shutdownNow();
        }
        long checked = jdbc.sql("""
                        select count(*) from audit.audit_event
                        where actor = :u and type = 'LOGIN_FAILURE' and detail like 'reason=BAD_PASSWORD%'
                        """)
                .param("u", user).query(Long.class).single();
        // the lock falls at the fifth failure; only guesses already being checked then are checked at all
        assertThat(checked).as("passwords checked").isBetween(5L, 5L + 16);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where actor = :u and type = 'ACCOUNT_LOCKED'")
                .param("u", user).query(Long.class).single()).isBetween(1L, 5L);

        // the lock holds for its whole duration, then the right password works again
        me(user, Accounts.PASSWORD, "127.0.0.1").andExpect(status().isLocked());
        clock.advance(Duration.ofMinutes(11));
        me(user, Accounts.PASSWORD, "127.0.0.1").andExpect(status().isOk());
    }

    @Test
    void parallelRequestsWithTheRightPasswordAllSucceed() throws Exception {
        String user = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> mvc.perform(get("/api/v1/me").with(httpBasic(user, Accounts.PASSWORD)))
                        .andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUsernameNobodyHasLocksLikeARealOne() throws Exception {
        String real = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        String nobody = "nobody-" + System.nanoTime();
        for (int i = 1; i <= 4; i++) {
            me(real, "Wrong-Pass-" + i, "127.0.0.1").andExpect(status().isUnauthorized());
            me(nobody, "Wrong-Pass-" + i, "127.0.0.1").andExpect(status().isUnauthorized());
        }
        me(real, "Wrong-Pass-5", "127.0.0.1").andExpect(status().isLocked())
                .andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"));
        me(nobody, "Wrong-Pass-5", "127.0.0.1").andExpect(status().isLocked())
                .andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"));
        me(nobody, "Wrong-Pass-6", "127.0.0.1").andExpect(status().isLocked());

        clock.advance(Duration.ofMinutes(11));
        me(nobody, "Wrong-Pass-7", "127.0.0.1").andExpect(status().isUnauthorized());
        me(real, Accounts.PASSWORD, "127.0.0.1").andExpect(status().isOk());
    }

    @Test
    void oneAddressGuessingAcrossAccountsIsThrottledAndOthersAreNot() throws Exception {
        String guesser = "198.51.100." + (System.nanoTime() % 200 + 1);
        String victim = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        for (int i = 1; i <= 30; i++) {
            me("guess-" + i + "-" + System.nanoTime(), "Wrong-Pass", guesser).andExpect(status().isUnauthorized());
        }
        // the 31st attempt from that address is refused before any account is looked at, even with a right password
        me(victim, Accounts.PASSWORD, guesser).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "600"))
                .andExpect(jsonPath("$.code").value("TOO_MANY_LOGINS"));
        mvc.perform(post("/login").param("username", victim).param("password", Accounts.PASSWORD).with(csrf())
                .with(from(guesser))).andExpect(redirectedUrl("/login?throttled"));
        // another computer logs in as usual
        me(victim, Accounts.PASSWORD, "203.0.113.20").andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'LOGIN_THROTTLED' and detail like :a")
                .param("a", "address=" + guesser + "%").query(Long.class).single()).isPositive();

        clock.advance(Duration.ofMinutes(11));
        me(victim, Accounts.PASSWORD, guesser).andExpect(status().isOk());
    }
}
