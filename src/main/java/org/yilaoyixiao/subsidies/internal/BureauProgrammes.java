package org.yilaoyixiao.subsidies.internal;

import java.util.EnumSet;
import java.util.Set;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.subsidies.Programme;

/**
 * Whose approvals a programme's runs and grants wait for: the 民政局 approves the elderly programmes, the 卫健局 the
 * childcare ones, the 财政局 (which funds them) and the county administrators all of them, other bureaus none. This
 * narrows what waits in a clerk's inbox and the "waiting for me" filter; it does not change who may approve.
 */
final class BureauProgrammes {

    private static final Set<Programme> ELDERLY = EnumSet.of(Programme.ELDERLY_SERVICE_SUBSIDY,
            Programme.INSTITUTION_OPERATING, Programme.INSTITUTION_CONSTRUCTION);
    private static final Set<Programme> CHILDCARE = EnumSet.of(Programme.CHILDCARE_ALLOWANCE,
            Programme.CHILDCARE_OPERATING, Programme.CHILDCARE_SLOT_CONSTRUCTION);

    private BureauProgrammes() {
    }

    static Set<Programme> of(CurrentUser user) {
        Bureau bureau = user.bureau();
        if (bureau == null || bureau == Bureau.FINANCE) {
            return EnumSet.allOf(Programme.class);
        }
        return switch (bureau) {
            case CIVIL_AFFAIRS -> ELDERLY;
            case HEALTH -> CHILDCARE;
            default -> EnumSet.noneOf(Programme.class);
        };
    }
}
