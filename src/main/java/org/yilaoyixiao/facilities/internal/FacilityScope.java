package org.yilaoyixiao.facilities.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/** Data-scope checks on a facility's division, shared by every kind of facility and by staff. */
@Component
class FacilityScope {

    private final DivisionDirectory divisions;
    private final AuditTrail audit;

    FacilityScope(DivisionDirectory divisions, AuditTrail audit) {
        this.divisions = divisions;
        this.audit = audit;
    }

    boolean exists(String divisionCode) {
        return divisionCode != null && divisions.find(divisionCode).isPresent();
    }

    boolean visible(CurrentUser actor, String divisionCode) {
        return divisions.isWithin(actor.divisionCode(), divisionCode);
    }

    /** A change placed outside the actor's scope is refused (403) and the attempt audited. */
    void requireWritable(CurrentUser actor, String divisionCode, String auditType) {
        if (!visible(actor, divisionCode)) {
            audit.record(AuditRecord.of(auditType, "division:" + divisionCode, AuditOutcome.DENIED,
                    "outside scope " + actor.divisionCode()));
            throw ApiException.forbidden("facility.division.out-of-scope", name(divisionCode));
        }
    }

    private String name(String divisionCode) {
        return divisionCode == null ? "" : divisions.find(divisionCode).map(d -> d.name()).orElse(divisionCode);
    }

    /** The division codes a list may show: the asked division's subtree, which must lie in the actor's scope. */
    Set<String> listable(CurrentUser actor, String division) {
        if (division == null || division.isBlank()) {
            return divisions.subtreeCodes(actor.divisionCode());
        }
        if (!visible(actor, division)) {
            throw ApiException.forbidden("facility.division.out-of-scope", division);
        }
        return divisions.subtreeCodes(division);
    }
}
