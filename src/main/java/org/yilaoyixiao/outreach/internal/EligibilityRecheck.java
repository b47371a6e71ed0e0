package org.yilaoyixiao.outreach.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.exchange.EconomicStatusReported;
import org.yilaoyixiao.exchange.PersonDeathReported;
import org.yilaoyixiao.exchange.ResidenceChangeReported;

/**
 * A change reported by a feed re-checks the person's eligibility at once instead of waiting for the nightly scan: a
 * new 低保 status may qualify them (应补尽补), a death or a move out ends their cases, a move changes whose worklist
 * they are on.
 */
@Component
class EligibilityRecheck {

    private final OutreachScan scan;

    EligibilityRecheck(OutreachScan scan) {
        this.scan = scan;
    }

    @ApplicationModuleListener
    void on(EconomicStatusReported changed) {
        scan.scan(changed.personId(), "data-exchange");
    }

    @ApplicationModuleListener
    void on(PersonDeathReported died) {
        scan.scan(died.personId(), "data-exchange");
    }

    @ApplicationModuleListener
    void on(ResidenceChangeReported moved) {
        scan.scan(moved.personId(), "data-exchange");
    }
}
