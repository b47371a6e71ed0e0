package org.yilaoyixiao.services.internal;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.guardian.GuardianAlertOpened;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.services.NeedChannel;
import org.yilaoyixiao.services.ServiceNeed;
import org.yilaoyixiao.services.ServiceNeeds;

/**
 * A guardian alert that needs someone at the door raises a 助急 (emergency) need: an SOS, wandering or no sign of life
 * at home → an emergency call-out, a fall → the fall response. After the alert commits, from the event publication
 * registry; once per alert (idempotency key). Where the menu has no such item the alert stands alone and a warning
 * says why.
 */
@Component
class GuardianAlertNeeds {

    private static final Logger log = LoggerFactory.getLogger(GuardianAlertNeeds.class);
    private static final Map<AlertType, String> ITEMS = Map.of(AlertType.SOS, "EMG-CALL",
            AlertType.WANDERING, "EMG-CALL", AlertType.HOME_INACTIVITY, "EMG-CALL", AlertType.FALL, "EMG-FALL");

    private final ServiceNeeds needs;

    GuardianAlertNeeds(ServiceNeeds needs) {
        this.needs = needs;
    }

    @ApplicationModuleListener
    void on(GuardianAlertOpened alert) {
        String item = ITEMS.get(alert.type());
        if (item == null) {
            return;
        }
        try {
            needs.raise(new ServiceNeed(alert.personId(), item, null, NeedChannel.GUARDIAN_ALERT,
                    "guardian-alert:" + alert.alertId(), "银龄卫士告警 #" + alert.alertId(),
                    "guardian"));
        } catch (ApiException e) {
            log.warn("Guardian alert {} raised no service order: {} {}", alert.alertId(), e.detailKey(),
                    java.util.Arrays.toString(e.detailArgs()));
        }
    }
}
