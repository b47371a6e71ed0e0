package org.yilaoyixiao.visits.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.notifications.ElderContacts;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Tasks as a visitor reads them: the elder's name, village, address, a number to call and the family contact, and
 * the visitor's name instead of a username — read for a whole page at once (names, contacts and visitors in one
 * query each), never one query per row.
 */
@Component
class TaskCards {

    private final JdbcClient jdbc;
    private final Scope scope;
    private final ElderContacts contacts;
    private final Visitors visitors;
    private final MessageSource messages;
    private final Clock clock;

    TaskCards(JdbcClient jdbc, Scope scope, ElderContacts contacts, Visitors visitors, MessageSource messages,
              Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.contacts = contacts;
        this.visitors = visitors;
        this.messages = messages;
        this.clock = clock;
    }

    /** A task as a row or card of a page. */
    record Card(Task task, String personName, String villageName, String due, boolean overdue, boolean dueToday,
                String address, String phone, String familyName, String familyRelation, String familyPhone,
                String visitorName) {

        /** The number to tap first: the elder's own, else the family's. */
        public String callFirst() {
            return phone != null ? phone : familyPhone;
        }
    }

    List<Card> of(List<Task> tasks) {
        Instant now = clock.instant();
        Instant endOfToday = Months.endOfDay(BusinessTime.today(clock));
        List<Long> people = tasks.stream().map(Task::personId).distinct().toList();
        Map<Long, String> names = names(people);
        Map<Long, ElderContacts.Contact> found = contacts.of(people);
        Map<String, String> visitorNames = visitors.names(tasks.stream().map(Task::visitor).toList());
        Map<String, String> villageNames = new HashMap<>();
        List<Card> cards = new ArrayList<>();
        for (Task t : tasks) {
            ElderContacts.Contact c = found.get(t.personId());
            cards.add(new Card(t, names.getOrDefault(t.personId(), ""),
                    villageNames.computeIfAbsent(t.divisionCode(), scope::name),
                    VisitPageController.SHOWN.format(t.dueAt()), t.dueAt().isBefore(now),
                    !t.dueAt().isAfter(endOfToday), c == null ? null : c.address(), c == null ? null : c.phone(),
                    c == null ? null : c.familyName(), c == null ? null : c.familyRelation(),
                    c == null ? null : c.familyPhone(),
                    t.visitor() == null ? null : visitorNames.getOrDefault(t.visitor(), t.visitor())));
        }
        return cards;
    }

    /** One line under the elder's name on a phone: village · address · due · family contact. */
    String detail(Card card, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(card.villageName());
        if (card.address() != null) {
            parts.add(card.address());
        }
        // "11月30日 23:59 前": no hyphen for a narrow screen to break a date at
        java.time.ZonedDateTime due = card.task().dueAt().atZone(BusinessTime.ZONE);
        parts.add(messages.getMessage("visits.inbox.due", new Object[]{Integer.toString(due.getMonthValue()),
                Integer.toString(due.getDayOfMonth()), String.format("%02d:%02d", due.getHour(), due.getMinute())},
                locale));
        if (card.familyName() != null) {
            String relation = card.familyRelation() == null ? "" : messages.getMessage(
                    "contact.relation." + card.familyRelation(), null, "", locale);
            parts.add(messages.getMessage("visits.family", new Object[]{card.familyName(), relation,
                    card.familyPhone() == null ? "" : card.familyPhone()}, locale).strip());
        }
        return String.join(" · ", parts);
    }

    /** One person's contact, or null. */
    ElderContacts.Contact contact(long personId) {
        return contacts.of(List.of(personId)).get(personId);
    }

    Map<Long, String> names(Collection<Long> people) {
        Map<Long, String> names = new HashMap<>();
        if (people.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from registry.published_person where id = any(:ids)")
                .param("ids", people.stream().distinct().toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }
}
