package org.yilaoyixiao.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A posted transaction. {@code replayed} is true when the call found this transaction already posted under the same
 * idempotency key and posted nothing.
 */
public record LedgerTransaction(long id, String idempotencyKey, String kind, String description,
                                List<PostedLine> lines, Long reversesId, Instant postedAt, String postedBy,
                                boolean replayed) {

    public LedgerTransaction {
        lines = List.copyOf(lines);
    }
}
