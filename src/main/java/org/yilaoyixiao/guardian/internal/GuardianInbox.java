package org.yilaoyixiao.guardian.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.notifications.ElderContacts;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;
import org.yilaoyixiao.workspace.WorkTask;

/**
 * Guardian alerts in the inbox. A butler: the alerts of their villages not yet closed, each with the elder, the
 * village, the reason and a number to call. A township or county clerk: the alerts nobody has acknowledged yet.
 */
@Component
class GuardianInbox implements WorkInbox {

    static final int TASKS_SHOWN = 5;
    static final Set<GuardianAlerts.Status> ACTIVE = EnumSet.of(GuardianAlerts.Status.OPEN,
            GuardianAlerts.Status.ACKNOWLEDGED);

    private final GuardianAlerts alerts;
    private final DivisionDirectory divisions;
    private final AlertTexts texts;
    private final ElderContacts contacts;
    private final JdbcClient jdbc;

    GuardianInbox(GuardianAlerts alerts, DivisionDirectory divisions, AlertTexts texts, ElderContacts contacts,
                  JdbcClient jdbc) {
        this.alerts = alerts;
        this.divisions = divisions;
        this.texts = texts;
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        Set<String> scope = divisions.subtreeCodes(user.divisionCode());
        if (user.hasRole(Role.BUTLER)) {
            long open = alerts.count(scope, ACTIVE);
            if (open > 0) {
                items.add(WorkItem.of("guardian.inbox.open", open, "/guardian/alerts", WorkItem.Urgency.URGENT, 5)
                        .withTasks(tasks(alerts.first(scope, ACTIVE, TASKS_SHOWN))));
            }
        } else if (user.hasRole(Role.TOWNSHIP_STAFF) || user.hasRole(Role.BUREAU_STAFF)
                || user.hasRole(Role.COUNTY_ADMIN)) {
            long unacknowledged = alerts.count(scope, EnumSet.of(GuardianAlerts.Status.OPEN));
            if (unacknowledged > 0) {
                items.add(WorkItem.of("guardian.inbox.unacknowledged", unacknowledged,
                        "/guardian/alerts?status=OPEN", WorkItem.Urgency.URGENT, 5));
            }
        }
        return items;
    }

    private List<WorkTask> tasks(List<GuardianAlerts.Alert> found) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Long> people = found.stream().map(GuardianAlerts.Alert::personId).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        if (!people.isEmpty()) {
            jdbc.sql("select id, name from registry.published_person where id = any(:ids)")
                    .param("ids", people.toArray(Long[]::new)).query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        Map<Long, ElderContacts.Contact> reach = contacts.of(people);
        return found.stream().map(a -> {
            ElderContacts.Contact c = reach.get(a.personId());
            String village = divisions.find(a.divisionCode()).map(d -> d.name()).orElse("");
            List<String> detail = new ArrayList<>(List.of(village));
            if (c != null && c.address() != null) {
                detail.add(c.address());
            }
            detail.add(texts.reason(a.type(), a.details(), locale));
            return new WorkTask(names.getOrDefault(a.personId(), ""), String.join(" · ", detail),
                    "/guardian/alerts/" + a.id(), a.status() == GuardianAlerts.Status.OPEN,
                    c == null ? null : c.callFirst());
        }).toList();
    }
}
