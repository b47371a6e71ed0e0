package org.yilaoyixiao.audit;

import java.time.Instant;

/** What auditors are shown first: how many requests were refused, and how many lists taken to Excel, since a time. */
public interface AuditCounts {

    /** The event type of a list page's rows taken to Excel. */
    String LIST_EXPORTED = "LIST_EXPORTED";

    long refusedSince(Instant since);

    long listsExportedSince(Instant since);
}
