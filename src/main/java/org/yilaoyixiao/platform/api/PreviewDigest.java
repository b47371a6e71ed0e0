package org.yilaoyixiao.platform.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The confirmation a money action's page posts: a digest of what its preview showed (counts, totals, statuses,
 * versions). The action recomputes it from the data as it is now; a missing confirmation, or one of a preview the data
 * has since left behind, is refused and nothing moves. Each module words the two refusals itself.
 */
public final class PreviewDigest {

    private PreviewDigest() {
    }

    /** The digest of the parts, amounts compared by value (50.0 and 50.00 are the same preview). */
    public static String of(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(part))
                    .append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Refuses (409) a missing confirmation or a stale one, with the module's message keys. */
    public static void require(String posted, String current, String missingKey, String staleKey) {
        if (posted == null || posted.isBlank()) {
            throw ApiException.conflict(missingKey);
        }
        if (!posted.strip().equals(current)) {
            throw ApiException.conflict(staleKey);
        }
    }
}
