package org.yilaoyixiao.planning.internal;

import java.math.BigDecimal;

/** A project of 附件1 with its latest progress. Money in 万元. */
record Project(String code, int seq, Category category, String name, String buildType, String years, String place,
               String divisionCode, String content, BigDecimal investment, String owner, String funding,
               Integer plannedBeds, Integer plannedPlaces, Status status, int percentComplete,
               BigDecimal investedToDate, int bedsDelivered, int placesDelivered, String source, int version,
               Conversion conversion) {

    enum Category { ELDERLY, CHILDCARE }

    enum Status { NOT_STARTED, PREPARING, UNDER_CONSTRUCTION, COMPLETED }

    record Conversion(String facilityKind, long facilityId, String bedType, int amount, String convertedBy) {
    }
}
