package org.yilaoyixiao.services.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.notifications.ElderContacts;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Orders as people read them: the elder's name, the item's name, the village, the butler by name and — on a butler's
 * phone — the address and the numbers to call. Everything for a page in one query per kind, never one per row.
 */
@Component
class OrderCards {

    static final java.util.regex.Pattern ALERT_NUMBER = java.util.regex.Pattern.compile("#(\\d+)");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private final PublishedViews views;
    private final MenuRepository menu;
    private final ServicesScope scope;
    private final ElderContacts contacts;
    private final org.yilaoyixiao.platform.security.DisplayNames displayNames;
    private final MessageSource messages;

    OrderCards(PublishedViews views, MenuRepository menu, ServicesScope scope, ElderContacts contacts,
               org.yilaoyixiao.platform.security.DisplayNames displayNames, MessageSource messages) {
        this.views = views;
        this.menu = menu;
        this.scope = scope;
        this.contacts = contacts;
        this.displayNames = displayNames;
        this.messages = messages;
    }

    /** An order with what a page shows beside it. */
    record Card(OrderRecord order, String personName, String itemName, String divisionName, String butlerName,
                ElderContacts.Contact contact) {

        public String address() {
            return contact == null ? null : contact.address();
        }

        public String phone() {
            return contact == null ? null : contact.phone();
        }

        public String familyName() {
            return contact == null ? null : contact.familyName();
        }

        public String familyRelation() {
            return contact == null ? null : contact.familyRelation();
        }

        public String familyPhone() {
            return contact == null ? null : contact.familyPhone();
        }

        public String callFirst() {
            return contact == null ? null : contact.callFirst();
        }

        /**
         * The guardian alert an order was raised from (its note reads "银龄卫士告警 #12…"), shown as a link in the
         * reader's language instead of the stored note, which once carried the detector's English words.
         */
        public Long guardianAlert() {
            if (order.channel() != org.yilaoyixiao.services.NeedChannel.GUARDIAN_ALERT || order.note() == null) {
                return null;
            }
            java.util.regex.Matcher m = ALERT_NUMBER.matcher(order.note());
            return m.find() ? Long.valueOf(m.group(1)) : null;
        }
    }

    /** Cards without contacts: for clerks' lists. */
    List<Card> rows(List<OrderRecord> orders) {
        return build(orders, false);
    }

    /** Cards with the address and the numbers to call: for the butler's phone. */
    List<Card> of(List<OrderRecord> orders) {
        return build(orders, true);
    }

    private List<Card> build(List<OrderRecord> orders, boolean withContacts) {
        Map<Long, ServiceItem> items = menu.items().stream().collect(Collectors.toMap(ServiceItem::id, i -> i));
        List<Long> people = orders.stream().map(OrderRecord::personId).distinct().toList();
        Map<Long, String> names = views.names(people);
        Map<Long, ElderContacts.Contact> found = withContacts ? contacts.of(people) : Map.of();
        Map<String, String> butlers = userNames(orders.stream().map(OrderRecord::butlerUsername).toList());
        Map<String, String> divisionNames = new HashMap<>();
        List<Card> cards = new ArrayList<>();
        for (OrderRecord o : orders) {
            ServiceItem item = items.get(o.itemId());
            cards.add(new Card(o, names.getOrDefault(o.personId(), ""), item == null ? o.itemCode() : item.name(),
                    divisionNames.computeIfAbsent(o.divisionCode(), scope::divisionName),
                    o.butlerUsername() == null ? null : butlers.getOrDefault(o.butlerUsername(), o.butlerUsername()),
                    found.get(o.personId())));
        }
        return cards;
    }

    /** One line under the elder's name on a phone: item · when · village · address · family contact. */
    String detail(Card card, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(card.itemName());
        if (card.order().requestedFor() != null) {
            parts.add(WHEN.format(card.order().requestedFor()));
        }
        parts.add(card.divisionName());
        if (card.address() != null) {
            parts.add(card.address());
        }
        if (card.familyName() != null) {
            String relation = card.familyRelation() == null ? "" : messages.getMessage(
                    "contact.relation." + card.familyRelation(), null, "", locale);
            parts.add(messages.getMessage("services.family", new Object[]{card.familyName(), relation,
                    card.familyPhone() == null ? "" : card.familyPhone()}, locale).strip());
        }
        return String.join(" · ", parts);
    }

    /** Display names of accounts (username → name). */
    Map<String, String> userNames(Collection<String> usernames) {
        return displayNames.accounts(usernames.stream().filter(Objects::nonNull).distinct().toList());
    }
}
