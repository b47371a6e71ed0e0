package org.yilaoyixiao.guardian.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;

/**
 * API keys of gateways (device hubs, partner banks). A key is 32 random bytes, shown once; the database keeps its first
 * characters (to find the row) and its SHA-256 (to check it), so a stolen database does not yield usable keys.
 */
@Service
class GatewayKeys {

    private static final int PREFIX = 10;
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    GatewayKeys(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Issued(long id, String apiKey) {
    }

    Issued issue(String name, String actor) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = "yly_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("insert into guardian.gateway (name, key_prefix, key_hash, created_by)"
                        + " values (:name, :prefix, :hash, :actor) returning id")
                .param("name", name).param("prefix", key.substring(0, PREFIX)).param("hash", hash(key))
                .param("actor", actor).query(Long.class).single();
        audit.record(AuditRecord.success("GUARDIAN_GATEWAY_ISSUED", "gateway:" + id, "name=" + name));
        return new Issued(id, key);
    }

    /** The gateway the key belongs to, if it is a valid, unrevoked key. */
    Optional<Long> gatewayOf(String key) {
        if (key == null || key.length() < PREFIX + 8) {
            return Optional.empty();
        }
        record Row(long id, byte[] hash) {
        }
        return jdbc.sql("select id, key_hash from guardian.gateway where key_prefix = :prefix and revoked_at is null")
                .param("prefix", key.substring(0, PREFIX))
                .query((rs, i) -> new Row(rs.getLong(1), rs.getBytes(2))).optional()
                .filter(row -> MessageDigest.isEqual(row.hash(), hash(key))).map(Row::id);
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
