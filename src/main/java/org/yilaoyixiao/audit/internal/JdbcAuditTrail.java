package org.yilaoyixiao.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;

/**
 * Appends to the chain under a transaction-scoped advisory lock, so two writers never link to the same predecessor,
 * even with two application instances on one database.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    /** Arbitrary but fixed key of the advisory lock that serialises appends. */
    private static final long CHAIN_LOCK = 0x59_4C_59_41_55_44L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUsers currentUsers;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, CurrentUsers currentUsers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUsers = currentUsers;
    }

    @Override
    @Transactional
    public void record(AuditRecord record) {
        String remote = remoteAddress();
        // without a user: a visitor not logged in when there is a request, else the platform itself at work
        String actor = truncate(record.actor() != null ? record.actor()
                : currentUsers.current().map(CurrentUser::username)
                .orElse(RequestContextHolder.getRequestAttributes() != null ? "anonymous" : "system"), 100);
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query(Object.class).single();
        String prev = jdbc.sql("select hash from audit.audit_event order by id desc limit 1")
                .query(String.class).optional().orElse(AuditHash.GENESIS);
        long id = jdbc.sql("select nextval('audit.audit_event_id_seq')").query(Long.class).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String target = truncate(record.target(), 300);
        String hash = AuditHash.of(prev, id, at, actor, record.type(), target, record.outcome().name(),
                record.detail(), remote);
        jdbc.sql("""
                        insert into audit.audit_event
                            (id, at, actor, type, target, outcome, detail, remote_address, prev_hash, hash)
                        values (:id, :at, :actor, :type, :target, :outcome, :detail, :remote, :prev, :hash)
                        """)
                .param("id", id).param("at", at.atOffset(ZoneOffset.UTC)).param("actor", actor)
                .param("type", record.type()).param("target", target).param("outcome", record.outcome().name())
                .param("detail", record.detail()).param("remote", remote).param("prev", prev).param("hash", hash)
                .update();
    }

    private static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
