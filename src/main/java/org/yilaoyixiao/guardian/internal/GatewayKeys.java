package org.yilaoyixiao.guardian.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
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
        String key = newKey();
        long id = jdbc.sql("insert into guardian.gateway (name, key_prefix, key_hash, created_by)"
                        + " values (:name, :prefix, :hash, :actor) returning id")
                .param("name", name).param("prefix", key.substring(0, PREFIX)).param("hash", hash(key))
                .param("actor", actor).query(Long.class).single();
        audit.record(AuditRecord.success("GUARDIAN_GATEWAY_ISSUED", "gateway:" + id, "name=" + name));
        return new Issued(id, key);
    }

    /** A gateway as its page lists it: never its key, only the first characters that tell keys apart. */
    record Gateway(long id, String name, String keyPrefix, Instant createdAt, String createdBy, Instant rotatedAt,
                   Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** One page of gateways, the working ones first, newest first. */
    PageResponse<Gateway> list(PageRequest page) {
        long total = jdbc.sql("select count(*) from guardian.gateway").query(Long.class).single();
        List<Gateway> rows = jdbc.sql("""
                        select id, name, key_prefix, created_at, created_by, rotated_at, revoked_at
                        from guardian.gateway order by (revoked_at is null) desc, id desc limit :size offset :offset
                        """).param("size", page.size()).param("offset", page.offset())
                .query((rs, i) -> new Gateway(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7))).list();
        return new PageResponse<>(rows, page.page(), page.size(), total);
    }

    Optional<Gateway> find(long id) {
        return jdbc.sql("""
                        select id, name, key_prefix, created_at, created_by, rotated_at, revoked_at
                        from guardian.gateway where id = :id""").param("id", id)
                .query((rs, i) -> new Gateway(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7))).optional();
    }

    /** Revokes a gateway's key: every later request with it is a 401. Revoking twice is a 409. */
    @Transactional
    void revoke(long id, String actor) {
        Gateway gateway = find(id).orElseThrow(() -> ApiException.notFound("guardian.gateway.not-found",
                Long.toString(id)));
        int changed = jdbc.sql("update guardian.gateway set revoked_at = now(), revoked_by = :actor"
                        + " where id = :id and revoked_at is null").param("id", id).param("actor", actor).update();
        if (changed == 0) {
            throw ApiException.conflict("guardian.gateway.already-revoked", gateway.name());
        }
        audit.record(AuditRecord.success("GUARDIAN_GATEWAY_REVOKED", "gateway:" + id, "name=" + gateway.name()));
    }

    /**
     * Gives a gateway a new key, shown once; the old key stops working in the same statement. The gateway keeps its
     * id, so its earlier readings stay attributed to it. A revoked gateway is not rotated (409): issue a new one.
     */
    @Transactional
    Issued rotate(long id, String actor) {
        Gateway gateway = find(id).orElseThrow(() -> ApiException.notFound("guardian.gateway.not-found",
                Long.toString(id)));
        String key = newKey();
        int changed = jdbc.sql("""
                        update guardian.gateway set key_prefix = :prefix, key_hash = :hash, rotated_at = now(),
                            rotated_by = :actor where id = :id and revoked_at is null""")
                .param("prefix", key.substring(0, PREFIX)).param("hash", hash(key)).param("actor", actor)
                .param("id", id).update();
        if (changed == 0) {
            throw ApiException.conflict("guardian.gateway.already-revoked", gateway.name());
        }
        audit.record(AuditRecord.success("GUARDIAN_GATEWAY_ROTATED", "gateway:" + id, "name=" + gateway.name()));
        return new Issued(id, key);
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime at = rs.getObject(column, java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private String newKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "yly_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
