package org.yilaoyixiao.funds.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.funds.internal.FundsRepository.Account;
import org.yilaoyixiao.funds.internal.FundsRepository.Hold;
import org.yilaoyixiao.funds.internal.FundsRepository.Obligation;

/**
 * What releasing a hold would do, shown before it is done (issue 19), and the confirmation that ties a release to
 * that preview. The confirmation is an HMAC of everything the preview showed — the hold, the balance, the newest
 * movement, the obligations, the alerts to resolve — under a key that lives only in this process: a release whose
 * confirmation does not match what the account is now (a movement arrived, an obligation was added, the hold changed)
 * is refused, and a confirmation cannot be made up without asking for a preview. A restart invalidates open previews;
 * the official simply previews again.
 */
@Component
class ReleasePreviews {

    /**
     * @param payableBefore what may leave the account while on hold (refunds only: nothing else)
     * @param payableAfter  what may leave after the release without falling below the required minimum
     */
    record Preview(Account account, Hold hold, BigDecimal payableBefore, BigDecimal payableAfter,
                   List<Obligation> obligations, BigDecimal obligationsTotal, int alertsResolved,
                   String confirmation) {
    }

    private final FundsRepository repository;
    private final byte[] key = new byte[32];

    ReleasePreviews(FundsRepository repository) {
        this.repository = repository;
        new SecureRandom().nextBytes(key);
    }

    /** The preview of releasing the account's active hold (the caller has checked that there is one). */
    Preview of(Account account, Hold hold) {
        List<Obligation> obligations = repository.obligations(account.id());
        BigDecimal total = obligations.stream().map(Obligation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Long> alerts = repository.holdAlerts(account.id(), hold.id());
        long lastMovement = repository.lastMovementId(account.id());
        BigDecimal free = account.balance().subtract(account.requiredMinimum()).max(BigDecimal.ZERO);
        String state = String.join("|", Long.toString(account.id()), Long.toString(hold.id()),
                account.balance().stripTrailingZeros().toPlainString(),
                account.requiredMinimum().stripTrailingZeros().toPlainString(), Long.toString(lastMovement),
                obligations.stream().map(o -> o.id() + ":" + o.amount().stripTrailingZeros().toPlainString())
                        .reduce("", (a, b) -> a + "," + b), alerts.toString());
        return new Preview(account, hold, BigDecimal.ZERO, free, obligations, total, alerts.size(), sign(state));
    }

    /** Whether a confirmation sent with a release is the one of this preview (compared in constant time). */
    static boolean confirms(Preview preview, String confirmation) {
        return confirmation != null && MessageDigest.isEqual(
                preview.confirmation().getBytes(StandardCharsets.US_ASCII),
                confirmation.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String state) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
