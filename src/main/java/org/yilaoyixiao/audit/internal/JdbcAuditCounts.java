package org.yilaoyixiao.audit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditCounts;

/** Counts on the trail's time index: a week of records, not the whole trail. */
@Component
class JdbcAuditCounts implements AuditCounts {

    private final JdbcClient jdbc;

    JdbcAuditCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long refusedSince(Instant since) {
        return jdbc.sql("select count(*) from audit.audit_event where at >= :since and outcome = 'DENIED'")
                .param("since", since.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }

    @Override
    public long listsExportedSince(Instant since) {
        return jdbc.sql("""
                        select count(*) from audit.audit_event
                        where at >= :since and outcome = 'SUCCESS' and type = :type
                        """)
                .param("since", since.atOffset(ZoneOffset.UTC)).param("type", LIST_EXPORTED)
                .query(Long.class).single();
    }
}
