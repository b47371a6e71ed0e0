package org.yilaoyixiao.visits.internal;

import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.guardian.GuardianAlertOpened;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonDirectory;

/**
 * A guardian alert about an elder (wandering, no activity at home, SOS, fall, fraud) is a major event: a follow-up
 * visit is planned within the follow-up hours. Runs after the alert's transaction commits, in its own transaction,
 * from the event publication registry: a failure here never holds up the device stream, and an unprocessed alert is
 * taken up again after a restart. A device going offline is a technical matter, not a reason to visit.
 */
@Component
class GuardianAlertFollowUp {

    private static final CurrentUser GUARDIAN = new CurrentUser(0, "guardian", "银龄卫士", Set.of(), "", null);

    private final Visits visits;
    private final PersonDirectory persons;

    GuardianAlertFollowUp(Visits visits, PersonDirectory persons) {
        this.visits = visits;
        this.persons = persons;
    }

    @ApplicationModuleListener
    void on(GuardianAlertOpened alert) {
        if (alert.type() == AlertType.DEVICE_OFFLINE) {
            return;
        }
        persons.find(alert.personId()).ifPresent(person -> visits.majorEvent(person, "ALERT", alert.at(),
                "银龄卫士告警 " + alert.type() + " #" + alert.alertId(), GUARDIAN));
    }
}
