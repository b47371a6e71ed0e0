package org.yilaoyixiao.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The chain's hash: SHA-256 over the previous hash and every field of the row, in a fixed order. */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';

    private AuditHash() {
    }

    static String of(String prevHash, long id, Instant at, String actor, String type, String target, String outcome,
                     String detail, String remoteAddress) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String canonical = String.join(String.valueOf(SEPARATOR), prevHash, Long.toString(id), Long.toString(micros),
                nz(actor), nz(type), nz(target), nz(outcome), nz(detail), nz(remoteAddress));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
