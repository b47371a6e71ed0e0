package org.yilaoyixiao.facilities;

import java.util.List;

/** A childcare provider as other modules see it: its approved slots and its classes. */
public record ChildcareProviderSummary(long id, String name, String divisionCode, ChildcareProviderKind kind,
                                       boolean filed, int approvedSlots, List<ChildcareClass> classes) {

    public ChildcareProviderSummary {
        classes = List.copyOf(classes);
    }
}
