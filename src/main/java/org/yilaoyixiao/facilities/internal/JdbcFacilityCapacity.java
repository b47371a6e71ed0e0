package org.yilaoyixiao.facilities.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.FacilityCapacity;
import org.yilaoyixiao.platform.api.ApiException;

/** Capacity added from outside the facility forms; bumps the version so that an open edit form notices. */
@Component
class JdbcFacilityCapacity implements FacilityCapacity {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    JdbcFacilityCapacity(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public int addInstitutionBeds(long institutionId, BedType type, int beds, String reason) {
        requirePositive(beds);
        if (jdbc.sql("update facilities.institution set version = version + 1, updated_at = now() where id = :id")
                .param("id", institutionId).update() == 0) {
            throw ApiException.notFound("institution.not-found", institutionId);
        }
        int approved = jdbc.sql("""
                        insert into facilities.institution_bed (institution_id, bed_type, approved, cognitive)
                        values (:id, :type, :beds, 0)
                        on conflict (institution_id, bed_type) do update
                            set approved = facilities.institution_bed.approved + excluded.approved
                        returning approved
                        """).param("id", institutionId).param("type", type.name()).param("beds", beds)
                .query(Integer.class).single();
        audit.record(AuditRecord.success("INSTITUTION_BEDS_ADDED", "institution:" + institutionId,
                "+%d %s → %d (%s)".formatted(beds, type, approved, reason)));
        return approved;
    }

    @Override
    @Transactional
    public int addChildcareSlots(long providerId, int slots, String reason) {
        requirePositive(slots);
        int approved = jdbc.sql("""
                        update facilities.childcare_provider set approved_slots = approved_slots + :slots,
                            version = version + 1, updated_at = now()
                        where id = :id returning approved_slots
                        """).param("id", providerId).param("slots", slots).query(Integer.class).optional()
                .orElseThrow(() -> ApiException.notFound("provider.not-found", providerId));
        audit.record(AuditRecord.success("PROVIDER_SLOTS_ADDED", "provider:" + providerId,
                "+%d → %d (%s)".formatted(slots, approved, reason)));
        return approved;
    }

    private static void requirePositive(int amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("Capacity to add must be positive: " + amount);
        }
    }
}
