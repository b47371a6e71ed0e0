package org.yilaoyixiao.registry.internal;

import java.util.EnumSet;
import java.util.Set;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.RecordStatus;

/** The search criteria as request parameters (the same names as {@code GET /api/v1/persons}), for exports. */
record PersonFilter(String idNumber, String division, PersonCategory category, String q,
                    Set<LivingSituation> livingSituation, EconomicStatus economicStatus, RecordStatus status) {

    PersonSearch.Criteria criteria() {
        return new PersonSearch.Criteria(idNumber, division, category, q,
                livingSituation == null ? EnumSet.noneOf(LivingSituation.class) : livingSituation, economicStatus,
                status);
    }
}
