package org.yilaoyixiao.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * "立即扫描" (issue 19): a county clerk scans now instead of waiting for the night, one scan at a time — a second
 * start while one runs says so and starts nothing — and the worklist shows when the last scan finished and what it
 * found. Township staff may not start one. Audited.
 */
@PlatformTest
class ScanNowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkScansNowOnceAtATimeAndSeesTheResult() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        // a scan in progress (the night's, or another clerk's)
        long running = jdbc.sql("insert into outreach.scan_run (started_at, started_by) values (:now, 'outreach-scan')"
                + " returning id").param("now", Timestamp.from(Instant.now())).query(Long.class).single();
        long runs;
        try {
            runs = count();
            mvc.perform(post("/outreach/scan").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(page(admin, "/outreach")).contains("已有一次扫描正在进行").contains("正在扫描全县人员档案");
            assertThat(count()).isEqualTo(runs);
            mvc.perform(post("/api/v1/outreach/scan").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                    .header("Accept-Language", "zh-CN")).andExpect(status().isConflict());
            assertThat(count()).isEqualTo(runs);
        } finally {
            jdbc.sql("delete from outreach.scan_run where id = :id").param("id", running).update();
        }

        mvc.perform(post("/outreach/scan").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        Map<String, Object> run = awaitFinished();
        assertThat(run.get("outcome")).isEqualTo("DONE");
        assertThat(run.get("started_by")).isEqualTo(PlatformTest.ADMIN);
        assertThat((Integer) run.get("found")).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(page(admin, "/outreach")).contains("上次扫描：").contains("找到符合条件但尚未享受的 " + run.get("found"));
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'OUTREACH_SCAN_STARTED' "
                + "and target = :t").param("t", "outreach-scan-run:" + run.get("id")).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void townshipStaffSeeTheLastScanButCannotStartOne() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", "331121219");
        MockHttpSession session = login(clerk, Accounts.PASSWORD);
        assertThat(page(session, "/outreach")).contains("id=\"scan-status\"").doesNotContain("id=\"scan-now\"");
        mvc.perform(post("/outreach/scan").session(session).with(csrf())).andExpect(status().isForbidden());
    }

    private long count() {
        return jdbc.sql("select count(*) from outreach.scan_run").query(Long.class).single();
    }

    private Map<String, Object> awaitFinished() throws InterruptedException {
        // the scan runs on the task executor: wait for it to end, however long it takes on this machine
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            var rows = jdbc.sql("select id, outcome, started_by, found from outreach.scan_run "
                    + "where started_by = :u order by id desc limit 1").param("u", PlatformTest.ADMIN).query()
                    .listOfRows();
            if (!rows.isEmpty() && !"RUNNING".equals(rows.get(0).get("outcome"))) {
                return rows.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the scan did not finish");
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
