package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.List;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.Premises;

/** A childcare provider (托育机构) with its classes, as stored. */
record ProviderRecord(long id, String name, String divisionCode, ChildcareProviderKind kind, boolean filed,
                      LocalDate filedOn, int approvedSlots, boolean affordable, Premises premises,
                      LocalDate leaseEndsOn, boolean synthetic, int version, List<ChildcareClass> classes) {

    ProviderRecord {
        classes = List.copyOf(classes);
    }

    ProviderRecord withClasses(List<ChildcareClass> newClasses) {
        return new ProviderRecord(id, name, divisionCode, kind, filed, filedOn, approvedSlots, affordable, premises,
                leaseEndsOn, synthetic, version, newClasses);
    }

    int classCapacity() {
        return classes.stream().mapToInt(ChildcareClass::capacity).sum();
    }

    ChildcareProviderSummary summary() {
        return new ChildcareProviderSummary(id, name, divisionCode, kind, filed, approvedSlots, classes);
    }
}
