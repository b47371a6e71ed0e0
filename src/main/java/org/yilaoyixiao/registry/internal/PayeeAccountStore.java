package org.yilaoyixiao.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.registry.PayeeAccounts;

/**
 * A person's payee account, encrypted with the field cipher of the ID numbers; pages only ever read the masked copy,
 * payment lists the decrypted one through {@link PayeeAccounts}.
 */
@Component
class PayeeAccountStore implements PayeeAccounts {

    private static final int CHUNK = 1000;

    /** The masked account as pages show it. */
    record Masked(Kind kind, String bankName, String numberMasked) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    PayeeAccountStore(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Masked> find(long personId) {
        return jdbc.sql("select kind, bank_name, number_masked from registry.payee_account where person_id = :id")
                .param("id", personId)
                .query((rs, n) -> new Masked(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Records (or replaces) the account; the caller has validated it and checked the person's scope. */
    void save(long personId, PayeeAccountValidation.Valid account, String actor) {
        jdbc.sql("""
                insert into registry.payee_account (person_id, kind, bank_name, number_cipher, number_masked,
                                                    updated_at, updated_by)
                values (:id, :kind, :bank, :cipher, :masked, :now, :actor)
                on conflict (person_id) do update set kind = excluded.kind, bank_name = excluded.bank_name,
                    number_cipher = excluded.number_cipher, number_masked = excluded.number_masked,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """).param("id", personId).param("kind", account.kind().name()).param("bank", account.bankName())
                .param("cipher", cipher.encrypt(account.number())).param("masked", account.masked())
                .param("now", Timestamp.from(clock.instant())).param("actor", actor).update();
        audit.record(AuditRecord.success("PERSON_PAYEE_ACCOUNT_CHANGED", "person:" + personId,
                account.kind().name() + " " + account.masked()));
    }

    void remove(long personId) {
        if (jdbc.sql("delete from registry.payee_account where person_id = :id").param("id", personId).update() > 0) {
            audit.record(AuditRecord.success("PERSON_PAYEE_ACCOUNT_CHANGED", "person:" + personId, "removed"));
        }
    }

    @Override
    public Map<Long, Payee> forPayment(Collection<Long> personIds) {
        Map<Long, Payee> payees = new HashMap<>();
        List<Long> ids = new ArrayList<>(personIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.sql("""
                    select p.id, p.id_number_cipher, a.kind, a.bank_name, a.number_cipher
                    from registry.person p left join registry.payee_account a on a.person_id = p.id
                    where p.id in (:ids)
                    """).param("ids", chunk).query((rs, n) -> {
                byte[] account = rs.getBytes(5);
                String kind = rs.getString(3);
                return new Payee(rs.getLong(1), cipher.decrypt(rs.getBytes(2)), kind == null ? null : Kind.valueOf(kind),
                        rs.getString(4), account == null ? null : cipher.decrypt(account));
            }).list().forEach(p -> payees.put(p.personId(), p));
        }
        return payees;
    }
}
