package org.yilaoyixiao.facilities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareClassRules;
import org.yilaoyixiao.facilities.ChildcareClassType;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.Premises;

/**
 * Validates a childcare provider: the filing rule (备案 needs owned premises or a lease running at least
 * {@value #MIN_LEASE_YEARS} years from the filing date, 国卫人口发〔2019〕58号), each class within its type's size limit,
 * and all classes together within the approved slots.
 */
@Component
class ProviderValidation {

    static final int MIN_LEASE_YEARS = 3;

    private final FacilityScope scope;
    private final ChildcareClassRules rules = ChildcareClassRules.national();

    private final Clock clock;

    ProviderValidation(FacilityScope scope, Clock clock) {
        this.scope = scope;
        this.clock = clock;
    }

    ProviderRecord validate(ProviderCommand c) {
        FieldChecks checks = new FieldChecks();
        String name = checks.name("name", c.name(), 100, "facility.name.required");
        checks.check(scope.exists(c.divisionCode()), "divisionCode", "UNKNOWN", "facility.division.unknown");
        ChildcareProviderKind kind = checks.enumValue("kind", ChildcareProviderKind.class, c.kind(), true,
                "provider.kind.invalid");
        Premises premises = InstitutionValidation.premises(checks, c.premises(), c.leaseEndsOn());
        boolean filed = Boolean.TRUE.equals(c.filed());
        checks.check(!filed || c.filedOn() != null, "filedOn", "REQUIRED", "provider.filed-on.required");
        if (filed && c.filedOn() != null && premises == Premises.LEASED && c.leaseEndsOn() != null) {
            LocalDate needed = c.filedOn().plusYears(MIN_LEASE_YEARS);
            checks.check(!c.leaseEndsOn().isBefore(needed), "leaseEndsOn", "LEASE_TOO_SHORT",
                    "provider.lease.too-short-for-filing", needed.toString());
        }
        checks.check(c.completedOn() == null || !c.completedOn().isAfter(LocalDate.now(clock)), "completedOn",
                "IN_FUTURE", "provider.completed-on.future");
        int slots = c.approvedSlots() == null ? -1 : c.approvedSlots();
        checks.check(slots >= 0, "approvedSlots", "MIN", "provider.approved-slots.required");
        List<ChildcareClass> classes = classes(checks, c.classes());
        int capacity = classes.stream().mapToInt(ChildcareClass::capacity).sum();
        checks.check(slots < 0 || capacity <= slots, "classes", "ABOVE_APPROVED_SLOTS",
                "provider.classes.above-approved-slots", Integer.toString(capacity), Integer.toString(Math.max(slots, 0)));
        checks.throwIfAny();
        return new ProviderRecord(0, name, c.divisionCode(), kind, filed, filed ? c.filedOn() : null, slots,
                Boolean.TRUE.equals(c.affordable()), premises, premises == Premises.LEASED ? c.leaseEndsOn() : null,
                c.completedOn(), false, 0, classes);
    }

    private List<ChildcareClass> classes(FieldChecks checks, List<ProviderCommand.ClassInput> input) {
        List<ChildcareClass> classes = new ArrayList<>();
        List<ProviderCommand.ClassInput> rows = input == null ? List.of() : input;
        for (int i = 0; i < rows.size(); i++) {
            ProviderCommand.ClassInput row = rows.get(i);
            String prefix = "classes[" + i + "].";
            ChildcareClassType type = checks.enumValue(prefix + "type", ChildcareClassType.class, row.type(), true,
                    "provider.class-type.invalid");
            int capacity = row.capacity() == null ? 0 : row.capacity();
            if (type != null) {
                int max = rules.limit(type).maxChildren();
                checks.check(capacity >= 1 && capacity <= max, prefix + "capacity", "RANGE",
                        "provider.class-capacity.range", Integer.toString(max));
                classes.add(new ChildcareClass(row.id() == null ? 0 : row.id(), type, capacity));
            }
        }
        return classes;
    }
}
