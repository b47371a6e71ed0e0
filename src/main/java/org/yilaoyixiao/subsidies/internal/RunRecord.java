package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.LocalDate;

/** A monthly run as stored. */
record RunRecord(long id, String programme, LocalDate month, String status, int progress, int lineCount,
                 BigDecimal total, Long previousRunId, String failure, String preparedBy, OffsetDateTime preparedAt,
                 OffsetDateTime computedAt, Long durationMs, String approvedBy, OffsetDateTime approvedAt) {

    public String monthText() {
        return month.toString().substring(0, 7);
    }

    public boolean finished() {
        return !"QUEUED".equals(status) && !"RUNNING".equals(status);
    }
}
