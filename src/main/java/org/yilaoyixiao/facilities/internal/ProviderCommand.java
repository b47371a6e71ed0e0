package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.List;

/** What a form or API request says about a childcare provider, unvalidated. A class with an id changes that class. */
record ProviderCommand(String name, String divisionCode, String kind, Boolean filed, LocalDate filedOn,
                       Integer approvedSlots, Boolean affordable, String premises, LocalDate leaseEndsOn,
                       List<ClassInput> classes, LocalDate completedOn) {

    record ClassInput(Long id, String type, Integer capacity) {
    }
}
