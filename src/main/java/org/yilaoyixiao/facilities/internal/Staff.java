package org.yilaoyixiao.facilities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.facilities.TalentTitle;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * The staff of institutions and childcare providers. A member of staff belongs to exactly one of them and lives in
 * its division for scope purposes. "Certified" always means a certificate valid on the day asked about.
 */
@Service
class Staff {

    private final StaffRepository staff;
    private final InstitutionRepository institutions;
    private final ProviderRepository providers;
    private final FacilityScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final InstitutionOperators operators;

    Staff(StaffRepository staff, InstitutionRepository institutions, ProviderRepository providers, FacilityScope scope,
          AuditTrail audit, TransactionTemplate transactions, Clock clock, InstitutionOperators operators) {
        this.operators = operators;
        this.staff = staff;
        this.institutions = institutions;
        this.providers = providers;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Command(String name, String role, Long institutionId, Long providerId, List<CertificateInput> certificates,
                   List<String> talentTitles) {
    }

    record CertificateInput(String type, String number, String level, LocalDate validUntil) {
    }

    StaffRecord create(Command c, CurrentUser actor) {
        FieldChecks checks = new FieldChecks();
        String name = checks.name("name", c.name(), 50, "staff.name.required");
        StaffRole role = checks.enumValue("role", StaffRole.class, c.role(), true, "staff.role.invalid");
        String division = employerDivision(checks, c.institutionId(), c.providerId(), actor);
        Set<TalentTitle> titles = EnumSet.noneOf(TalentTitle.class);
        for (String t : c.talentTitles() == null ? List.<String>of() : c.talentTitles()) {
            TalentTitle title = checks.enumValue("talentTitles", TalentTitle.class, t, true, "staff.talent-title.invalid");
            if (title != null) {
                titles.add(title);
            }
        }
        List<Certificate> certificates = new ArrayList<>();
        List<CertificateInput> inputs = c.certificates() == null ? List.of() : c.certificates();
        for (int i = 0; i < inputs.size(); i++) {
            CertificateInput in = inputs.get(i);
            String prefix = "certificates[" + i + "].";
            String type = checks.name(prefix + "type", in.type(), 50, "staff.certificate.type.required");
            String number = checks.name(prefix + "number", in.number(), 50, "staff.certificate.number.required");
            checks.check(in.validUntil() != null, prefix + "validUntil", "REQUIRED",
                    "staff.certificate.valid-until.required");
            String level = in.level() == null || in.level().isBlank() ? null : in.level().strip();
            checks.check(level == null || level.length() <= 20, prefix + "level", "TOO_LONG",
                    "staff.certificate.level.too-long");
            certificates.add(new Certificate(0, type, number, level, in.validUntil()));
        }
        checks.throwIfAny();
        scope.requireWritable(actor, division, "STAFF_CREATED");
        StaffRecord valid = new StaffRecord(0, name, role, c.institutionId(), c.providerId(), division, titles,
                certificates, false);
        return transactions.execute(status -> {
            long id = staff.insert(valid, actor.username(), false);
            audit.record(AuditRecord.success("STAFF_CREATED", "staff:" + id,
                    "role=" + role + " certificates=" + certificates.size()));
            return staff.findById(id).orElseThrow();
        });
    }

    /** The employer's division; exactly one employer, and one the actor can see. */
    private String employerDivision(FieldChecks checks, Long institutionId, Long providerId, CurrentUser actor) {
        if ((institutionId == null) == (providerId == null)) {
            checks.add("institutionId", "ONE_EMPLOYER", "staff.employer.exactly-one");
            return null;
        }
        java.util.Optional<Long> own = operators.confinement(actor);
        if (own.isPresent() && (providerId != null || !own.get().equals(institutionId))) {
            // an operator registers staff of their own institution only
            checks.add(institutionId != null ? "institutionId" : "providerId", "UNKNOWN", "staff.employer.unknown");
            return null;
        }
        String division = institutionId != null
                ? institutions.findById(institutionId).map(InstitutionRecord::divisionCode).orElse(null)
                : providers.findById(providerId).map(ProviderRecord::divisionCode).orElse(null);
        if (division == null || !scope.visible(actor, division)) {
            checks.add(institutionId != null ? "institutionId" : "providerId", "UNKNOWN", "staff.employer.unknown");
            return null;
        }
        return division;
    }

    /** A member's certificate in the actor's scope, else not found. */
    Certificate certificate(StaffRecord member, long certificateId) {
        return member.certificates().stream().filter(c -> c.id() == certificateId).findFirst()
                .orElseThrow(() -> ApiException.notFound("staff.certificate.not-found", Long.toString(certificateId)));
    }

    /**
     * Records a renewed certificate: the new number and a validity after today replace the old (audited with the
     * old ones), so the certificate no longer waits in anyone's inbox.
     */
    StaffRecord renew(long staffId, long certificateId, String number, LocalDate validUntil, CurrentUser actor) {
        StaffRecord member = read(staffId, actor);
        Certificate old = certificate(member, certificateId);
        FieldChecks checks = new FieldChecks();
        String cleaned = checks.name("number", number, 50, "staff.certificate.number.required");
        checks.check(validUntil != null, "validUntil", "REQUIRED", "staff.certificate.valid-until.required");
        checks.check(validUntil == null || validUntil.isAfter(today()), "validUntil", "PAST",
                "staff.certificate.renewal.past");
        checks.throwIfAny();
        scope.requireWritable(actor, member.divisionCode(), "STAFF_CERTIFICATE_RENEWED");
        return transactions.execute(status -> {
            staff.renew(staffId, certificateId, cleaned, validUntil);
            audit.record(AuditRecord.success("STAFF_CERTIFICATE_RENEWED", "staff:" + staffId,
                    "certificate=" + certificateId + " validUntil=" + old.validUntil() + "->" + validUntil));
            return staff.findById(staffId).orElseThrow();
        });
    }

    StaffRecord read(long id, CurrentUser actor) {
        java.util.Optional<Long> own = operators.confinement(actor);
        return staff.findById(id).filter(s -> scope.visible(actor, s.divisionCode()))
                .filter(s -> own.isEmpty() || own.get().equals(s.institutionId()))
                .orElseThrow(() -> ApiException.notFound("staff.not-found", Long.toString(id)));
    }

    PageResponse<StaffRecord> search(String division, StaffRole role, Long institutionId, Long providerId,
                                     LocalDate certifiedOn, PageRequest page, CurrentUser actor) {
        java.util.Optional<Long> own = operators.confinement(actor);
        if (own.isPresent()) {
            // an operator lists their own institution's staff, whatever employer was asked for
            if (providerId != null || (institutionId != null && !institutionId.equals(own.get()))) {
                return new PageResponse<>(List.of(), page.page(), page.size(), 0);
            }
            institutionId = own.get();
        }
        return staff.search(new StaffRepository.Filter(scope.listable(actor, division), role, institutionId,
                providerId, certifiedOn), page);
    }

    /** Staff with a certificate expiring within the next {@code days} days (still valid today). */
    PageResponse<StaffRecord> expiringSoon(String division, StaffRole role, Long institutionId, Long providerId,
                                           int days, PageRequest page, CurrentUser actor) {
        LocalDate today = today();
        java.util.Optional<Long> own = operators.confinement(actor);
        if (own.isPresent()) {
            if (providerId != null || (institutionId != null && !institutionId.equals(own.get()))) {
                return new PageResponse<>(List.of(), page.page(), page.size(), 0);
            }
            institutionId = own.get();
        }
        return staff.search(new StaffRepository.Filter(scope.listable(actor, division), role, institutionId,
                providerId, null, today, today.plusDays(days)), page);
    }

    /** How many certificates in the actor's scope expire within the next {@code days} days (the inbox). */
    long countExpiring(int days, CurrentUser actor) {
        if (operators.confinement(actor).isPresent()) {
            return expiringSoon(null, null, null, null, days, new PageRequest(0, 1), actor).totalElements();
        }
        LocalDate today = today();
        return staff.countExpiring(scope.listable(actor, null), today, today.plusDays(days));
    }

    /** How many staff of a role hold a valid certificate on a date, e.g. certified elderly carers. */
    long certifiedCount(String division, StaffRole role, LocalDate asOf, CurrentUser actor) {
        java.util.Optional<Long> own = operators.confinement(actor);
        if (own.isPresent()) {
            return staff.count(new StaffRepository.Filter(scope.listable(actor, division), role, own.get(), null,
                    asOf == null ? today() : asOf));
        }
        return staff.count(new StaffRepository.Filter(scope.listable(actor, division), role, null, null,
                asOf == null ? today() : asOf));
    }

    /** Certificates still valid today that expire within the next {@code days} days. */
    List<StaffRepository.ExpiringCertificate> expiring(String division, int days, CurrentUser actor) {
        if (days < 0 || days > 3660) {
            throw ApiException.validation("days", "RANGE", "staff.expiring.days.range");
        }
        LocalDate today = today();
        java.util.Optional<Long> own = operators.confinement(actor);
        List<StaffRepository.ExpiringCertificate> found = staff.expiring(scope.listable(actor, division), today,
                today.plusDays(days), 500);
        if (own.isEmpty()) {
            return found;
        }
        java.util.Set<Long> mine = new java.util.HashSet<>();
        search(null, null, own.get(), null, null, new PageRequest(0, PageRequest.MAX_SIZE), actor).items()
                .forEach(m -> mine.add(m.id()));
        return found.stream().filter(c -> mine.contains(c.staffId())).toList();
    }

    LocalDate today() {
        return BusinessTime.today(clock);
    }
}
