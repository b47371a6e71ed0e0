package org.yilaoyixiao.lovecard.internal;

import org.yilaoyixiao.platform.api.PreviewDigest;

/**
 * The confirmation a love-card money page posts: a digest of what its preview showed (an allocation's cards and amount,
 * a top-up's purse balance). The action recomputes it; missing, or from a preview the data has since left behind, it
 * is refused and nothing moves.
 */
final class MoneyConfirmation {

    private MoneyConfirmation() {
    }

    static String of(Object... parts) {
        return PreviewDigest.of(parts);
    }

    static void require(String posted, String current) {
        PreviewDigest.require(posted, current, "lovecard.confirm.missing", "lovecard.confirm.stale");
    }
}
