package org.yilaoyixiao.facilities.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.CareCentreKind;
import org.yilaoyixiao.facilities.CommunityService;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;

/** Registers and finds community care facilities within the acting user's scope. */
@Service
class CareCentres {

    private final CareCentreRepository centres;
    private final FacilityScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    CareCentres(CareCentreRepository centres, FacilityScope scope, AuditTrail audit, TransactionTemplate transactions) {
        this.centres = centres;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    record Command(String name, String divisionCode, String kind, List<String> services, String openingHours) {
    }

    CareCentreRecord create(Command c, CurrentUser actor) {
        FieldChecks checks = new FieldChecks();
        String name = checks.name("name", c.name(), 100, "facility.name.required");
        checks.check(scope.exists(c.divisionCode()), "divisionCode", "UNKNOWN", "facility.division.unknown");
        CareCentreKind kind = checks.enumValue("kind", CareCentreKind.class, c.kind(), true, "care-centre.kind.invalid");
        Set<CommunityService> services = EnumSet.noneOf(CommunityService.class);
        for (String s : c.services() == null ? List.<String>of() : c.services()) {
            CommunityService service = checks.enumValue("services", CommunityService.class, s, true,
                    "care-centre.service.invalid");
            if (service != null) {
                services.add(service);
            }
        }
        String hours = c.openingHours() == null ? null : c.openingHours().strip();
        checks.check(hours == null || hours.length() <= 200, "openingHours", "TOO_LONG", "care-centre.opening-hours.too-long");
        checks.throwIfAny();
        scope.requireWritable(actor, c.divisionCode(), "CARE_CENTRE_CREATED");
        CareCentreRecord valid = new CareCentreRecord(0, name, c.divisionCode(), kind, services,
                hours == null || hours.isEmpty() ? null : hours, false, 0);
        return transactions.execute(status -> {
            long id = centres.insert(valid, actor.username(), false);
            audit.record(AuditRecord.success("CARE_CENTRE_CREATED", "care-centre:" + id,
                    "division=" + valid.divisionCode() + " kind=" + kind));
            return centres.findById(id).orElseThrow();
        });
    }

    CareCentreRecord read(long id, CurrentUser actor) {
        return centres.findById(id).filter(c -> scope.visible(actor, c.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("care-centre.not-found", Long.toString(id)));
    }

    PageResponse<CareCentreRecord> search(String division, CareCentreKind kind, CommunityService service,
                                          PageRequest page, CurrentUser actor) {
        return centres.search(scope.listable(actor, division), kind, service, page);
    }
}
