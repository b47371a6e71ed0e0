package org.yilaoyixiao.subsidies.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The confirmation a money action's page posts: a digest of what its preview showed (a run's status, line count,
 * total and computing time; a grant's amount and status). The action recomputes it under the row's lock; a missing
 * confirmation, or one of a preview the data has since left behind, is refused and nothing moves.
 */
final class Confirmations {

    private Confirmations() {
    }

    static String of(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : String.valueOf(part)).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    static String run(RunRecord run) {
        return of("run", run.id(), run.status(), run.lineCount(), run.total(),
                run.computedAt() == null ? null : run.computedAt().toInstant());
    }

    static String grant(GrantApplications.Grant grant) {
        return of("grant", grant.id(), grant.status(), grant.amount(), grant.preparedAt());
    }

    /** Refuses a missing or stale confirmation (409 with the reason in the clerk's words). */
    static void require(String posted, String current) {
        if (posted == null || posted.isBlank()) {
            throw org.yilaoyixiao.platform.api.ApiException.conflict("subsidies.confirm.missing");
        }
        if (!posted.strip().equals(current)) {
            throw org.yilaoyixiao.platform.api.ApiException.conflict("subsidies.confirm.stale");
        }
    }
}
