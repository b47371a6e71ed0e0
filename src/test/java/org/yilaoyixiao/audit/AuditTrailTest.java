package org.yilaoyixiao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long lastId() {
        return jdbc.sql("select max(id) from audit.audit_event").query(Long.class).single();
    }

    private void verifyChain(boolean intact) throws Exception {
        mvc.perform(get("/api/v1/audit-events/verification").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(intact));
    }

    @Test
    void loginsAndAccountChangesAreRecordedAndListed() throws Exception {
        String user = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "Wrong-Pass-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(user, Accounts.PASSWORD))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/audit-events").param("actor", user).with(httpBasic(user, Accounts.PASSWORD)))
                .andExpect(status().isOk())
                // newest first: creating the account had the user replace the initial password
                .andExpect(jsonPath("$.items[*].type").value(org.hamcrest.Matchers.contains("LOGIN_SUCCESS",
                        "LOGIN_FAILURE", "PASSWORD_CHANGED", "LOGIN_SUCCESS")))
                .andExpect(jsonPath("$.items[*].actor", everyItem(is(user))))
                .andExpect(jsonPath("$.items[0].at").exists())
                .andExpect(jsonPath("$.items[0].target").value("user:" + user))
                .andExpect(jsonPath("$.items[0].outcome").exists())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.totalElements").value(4));

        mvc.perform(get("/api/v1/audit-events").param("type", "USER_CREATED").param("actor", "admin")
                        .param("from", "2020-01-01T00:00:00Z").param("size", "200")
                        .with(httpBasic(user, Accounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].target", hasItem("user:" + user)))
                .andExpect(jsonPath("$.items[*].type", everyItem(is("USER_CREATED"))));
    }

    @Test
    void workWithoutAUserOrRequestIsRecordedAsTheSystem() {
        trail.record(AuditRecord.success("TEST_EVENT", "test:system", "scheduled work"));
        assertThat(jdbc.sql("select actor from audit.audit_event where target = 'test:system'")
                .query(String.class).single()).isEqualTo("system");
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheTrail() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(get("/api/v1/audit-events").with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit-events").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void theTrailRefusesOrdinaryUpdatesAndDeletes() {
        trail.record(AuditRecord.success("TEST_EVENT", "test:refuse", "x").by("tester"));
        long id = lastId();
        assertThatThrownBy(() -> jdbc.sql("update audit.audit_event set actor = 'mallory' where id = :id")
                .param("id", id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aTamperedRowIsDetected() throws Exception {
        trail.record(AuditRecord.success("TEST_EVENT", "test:tamper", "original").by("tester"));
        long id = lastId();
        trail.record(AuditRecord.success("TEST_EVENT", "test:after", "next").by("tester"));
        verifyChain(true);

        Map<String, Object> original = jdbc.sql("select actor, detail from audit.audit_event where id = :id")
                .param("id", id).query().singleRow();
        // someone with database rights switches the guard off and rewrites history
        bypassGuard("update audit.audit_event set detail = 'rewritten' where id = " + id);
        try {
            mvc.perform(get("/api/v1/audit-events/verification")
                            .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenId").value(id))
                    .andExpect(jsonPath("$.reason").value("CONTENT"));
        } finally {
            bypassGuard("update audit.audit_event set detail = '" + original.get("detail") + "' where id = " + id);
        }
        verifyChain(true);
    }

    @Test
    void aDeletedRowIsDetected() throws Exception {
        trail.record(AuditRecord.success("TEST_EVENT", "test:delete", "doomed").by("tester"));
        long doomed = lastId();
        trail.record(AuditRecord.success("TEST_EVENT", "test:survivor", "survivor").by("tester"));
        long survivor = lastId();
        Map<String, Object> row = jdbc.sql("select * from audit.audit_event where id = :id").param("id", doomed)
                .query().singleRow();
        bypassGuard("delete from audit.audit_event where id = " + doomed);
        try {
            mvc.perform(get("/api/v1/audit-events/verification")
                            .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenId").value(survivor))
                    .andExpect(jsonPath("$.reason").value("LINK"));
        } finally {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                insert into audit.audit_event
                                    (id, at, actor, type, target, outcome, detail, remote_address, prev_hash, hash)
                                values (:id, :at, :actor, :type, :target, :outcome, :detail, :remote_address,
                                        :prev_hash, :hash)
                                """)
                        .params(row).update();
            });
        }
        verifyChain(true);
    }

    /** Runs SQL with the append-only trigger disabled, as an attacker with owner rights could. */
    private void bypassGuard(String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only").update();
            jdbc.sql(sql).update();
            jdbc.sql("alter table audit.audit_event enable trigger audit_event_append_only").update();
        });
    }

    @Test
    void recordsJoinTheCallersTransaction() {
        long before = lastId();
        try {
            transactions.executeWithoutResult(status -> {
                trail.record(AuditRecord.success("TEST_EVENT", "test:rollback", "rolled back").by("tester"));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the audit record must vanish with the change it describes
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_event where target = 'test:rollback'")
                .query(Long.class).single()).isZero();
        assertThat(lastId()).isEqualTo(before);
    }
}
