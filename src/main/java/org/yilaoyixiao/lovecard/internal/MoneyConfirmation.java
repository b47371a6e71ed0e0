package org.yilaoyixiao.lovecard.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.yilaoyixiao.platform.api.ApiException;

/**
 * The confirmation a love-card money page posts: a digest of what its preview showed (an allocation's cards and amount,
 * a top-up's purse balance). The action recomputes it; missing, or from a preview the data has since left behind, it
 * is refused and nothing moves.
 */
final class MoneyConfirmation {

    private MoneyConfirmation() {
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

    static void require(String posted, String current) {
        if (posted == null || posted.isBlank()) {
            throw ApiException.conflict("lovecard.confirm.missing");
        }
        if (!posted.strip().equals(current)) {
            throw ApiException.conflict("lovecard.confirm.stale");
        }
    }
}
