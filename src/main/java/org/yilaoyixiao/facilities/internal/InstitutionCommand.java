package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.List;

/** What a form or API request says about an institution, unvalidated (enums as text, so errors name the field). */
record InstitutionCommand(String name, String divisionCode, String operationModel, String profitType, String kind,
                          Integer starRating, LocalDate starRatedOn, String premises, LocalDate leaseEndsOn,
                          LocalDate openedOn, Boolean medicalPartnership, Boolean smartCareHome, List<Beds> beds) {

    record Beds(String type, Integer approved, Integer cognitive) {
    }
}
