package org.yilaoyixiao.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * "重新计算" on the dashboard (issue 19): a county clerk recomputes the indicators now, one recomputation at a time —
 * a second one while one runs says so — and the dashboard shows when the last one finished and what it computed.
 * Township staff may not. Audited.
 */
@PlatformTest
class RecomputeNowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkRecomputesOnceAtATimeAndSeesTheResult() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        int year = Year.now(org.yilaoyixiao.platform.time.BusinessTime.ZONE).getValue();
        long running = jdbc.sql("insert into indicators.recompute_run (year, started_at, started_by) "
                        + "values (:y, :now, 'system') returning id").param("y", year)
                .param("now", Timestamp.from(Instant.now())).query(Long.class).single();
        try {
            long runs = count();
            String location = mvc.perform(post("/indicators/recompute").param("year", Integer.toString(year))
                            .session(admin).with(csrf())).andExpect(status().is3xxRedirection()).andReturn()
                    .getResponse().getRedirectedUrl();
            assertThat(page(admin, location)).contains("已有一次重新计算正在进行").contains("正在重新计算");
            assertThat(count()).isEqualTo(runs);
        } finally {
            jdbc.sql("delete from indicators.recompute_run where id = :id").param("id", running).update();
        }

        String location = mvc.perform(post("/indicators/recompute").param("year", Integer.toString(year))
                        .session(admin).with(csrf())).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        var run = jdbc.sql("select id, outcome, indicators from indicators.recompute_run where started_by = :u "
                + "order by id desc limit 1").param("u", PlatformTest.ADMIN).query().singleRow();
        assertThat(run.get("outcome")).isEqualTo("DONE");
        assertThat((Integer) run.get("indicators")).isGreaterThan(0);
        assertThat(page(admin, location)).contains("已重新计算 " + run.get("indicators") + " 项指标")
                .contains("上次重新计算：");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'INDICATORS_RECOMPUTED' "
                + "and detail like :d").param("d", "run=" + run.get("id") + " %").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void townshipStaffCannotRecompute() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", "331121219");
        MockHttpSession session = login(clerk, Accounts.PASSWORD);
        assertThat(page(session, "/indicators/dashboard")).contains("id=\"recompute-status\"")
                .doesNotContain("id=\"recompute-now\"");
        mvc.perform(post("/indicators/recompute").session(session).with(csrf())).andExpect(status().isForbidden());
    }

    private long count() {
        return jdbc.sql("select count(*) from indicators.recompute_run").query(Long.class).single();
    }

    private MockHttpSession login(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", user).param("password", password)
                .with(csrf())).andReturn().getRequest().getSession(false);
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
