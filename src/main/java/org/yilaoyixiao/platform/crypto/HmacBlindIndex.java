package org.yilaoyixiao.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 under its own key, separate from the encryption key. */
final class HmacBlindIndex implements BlindIndex {

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    HmacBlindIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The index key must be at least 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    @Override
    public byte[] of(String value) {
        return macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
