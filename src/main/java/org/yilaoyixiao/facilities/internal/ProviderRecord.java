package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.List;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.Premises;

/**
 * A childcare provider (托育机构) with its classes, as stored. {@code completedOn} (建成日期) is when the premises were
 * completed: the one-time slot subsidy needs completion and filing in the same year (方案四（五）1).
 */
record ProviderRecord(long id, String name, String divisionCode, ChildcareProviderKind kind, boolean filed,
                      LocalDate filedOn, int approvedSlots, boolean affordable, Premises premises,
                      LocalDate leaseEndsOn, LocalDate completedOn, boolean synthetic, int version,
                      List<ChildcareClass> classes) {

    ProviderRecord {
        classes = List.copyOf(classes);
    }

    ProviderRecord withClasses(List<ChildcareClass> newClasses) {
        return new ProviderRecord(id, name, divisionCode, kind, filed, filedOn, approvedSlots, affordable, premises,
                leaseEndsOn, completedOn, synthetic, version, newClasses);
    }

    int classCapacity() {
        return classes.stream().mapToInt(ChildcareClass::capacity).sum();
    }

    ChildcareProviderSummary summary() {
        return new ChildcareProviderSummary(id, name, divisionCode, kind, filed, approvedSlots, classes);
    }
}
