package org.yilaoyixiao.outreach.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.notifications.Notification;
import org.yilaoyixiao.notifications.Notifications;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.EmergencyContacts;

/**
 * The worklist within the user's scope, notices (an SMS through the notifications outbox to the family's emergency
 * contact, or a printed letter) and outcomes. Every action is audited.
 */
@Service
class Outreach {

    static final Set<String> OUTCOMES = Set.of("APPLIED", "DECLINED", "NOT_REACHABLE");
    static final Set<String> STATUSES = Set.of("OPEN", "NOTIFIED", "APPLIED", "DECLINED", "NOT_REACHABLE");

    private final Candidates candidates;
    private final DivisionDirectory divisions;
    private final Notifications notifications;
    private final EmergencyContacts contacts;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Outreach(Candidates candidates, DivisionDirectory divisions, Notifications notifications,
             EmergencyContacts contacts, MessageSource messages, AuditTrail audit, TransactionTemplate transactions,
             Clock clock) {
        this.candidates = candidates;
        this.divisions = divisions;
        this.notifications = notifications;
        this.contacts = contacts;
        this.messages = messages;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    PageResponse<Candidates.Candidate> worklist(String programme, String division, String status, PageRequest page,
                                                CurrentUser actor) {
        return worklist(filter(programme, status, null), division, page, actor);
    }

    PageResponse<Candidates.Candidate> worklist(Candidates.Filter filter, String division, PageRequest page,
                                                CurrentUser actor) {
        return candidates.worklist(filter, scope(division, actor), page);
    }

    /** The worklist's filter, checked: an unknown programme or status is a bad request. */
    static Candidates.Filter filter(String programme, String status, java.time.YearMonth foundIn) {
        if (programme != null && !OutreachScan.PROGRAMMES.contains(programme)) {
            throw ApiException.validation("programme", "UNKNOWN", "outreach.programme.unknown");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.validation("status", "UNKNOWN", "outreach.status.unknown");
        }
        return new Candidates.Filter(programme, status, foundIn);
    }

    /** Every case of the filter in the actor's scope, for the Excel copy; the export is audited. */
    int export(Candidates.Filter filter, String division, CurrentUser actor,
               java.util.function.Consumer<Candidates.Candidate> consumer) {
        int[] rows = {0};
        candidates.eachCase(filter, scope(division, actor), c -> {
            rows[0]++;
            consumer.accept(c);
        });
        audit.record(AuditRecord.success("LIST_EXPORTED", "outreach-worklist", "导出政策找人名单 " + rows[0] + " 行"
                + (filter.programme() == null ? "" : "，" + zh("outreach.programme." + filter.programme()))
                + (filter.status() == null ? "" : "，" + zh("outreach.status." + filter.status()))
                + "，区划 " + (division == null ? actor.divisionCode() : division)));
        return rows[0];
    }

    Set<String> scope(String division, CurrentUser actor) {
        String root = division == null || division.isBlank() ? actor.divisionCode() : division.strip();
        if (!divisions.isWithin(actor.divisionCode(), root)) {
            throw ApiException.forbidden("outreach.division.out-of-scope", root);
        }
        return divisions.subtreeCodes(root);
    }

    /** A word for the audit trail, in the county's working language. */
    private String zh(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    Candidates.Candidate candidate(long id, CurrentUser actor) {
        return candidates.find(id).filter(c -> divisions.isWithin(actor.divisionCode(), c.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("outreach.candidate.not-found", Long.toString(id)));
    }

    Candidates.Candidate notice(long id, String channel, CurrentUser actor, Locale locale) {
        Candidates.Candidate c = candidate(id, actor);
        if (channel == null || !Set.of("SMS", "LETTER").contains(channel)) {
            throw ApiException.validation("channel", "UNKNOWN", "outreach.notice.channel");
        }
        return transactions.execute(s -> {
            Long message = null;
            if (channel.equals("SMS")) {
                List<EmergencyContacts.Contact> reachable = contacts.of(c.personId()).stream()
                        .filter(contact -> contact.phone() != null && !contact.phone().isBlank()).toList();
                if (reachable.isEmpty()) {
                    throw ApiException.conflict("outreach.notice.no-phone");
                }
                String programme = messages.getMessage("outreach.programme." + c.programme(), null, Locale.CHINA);
                message = notifications.send(new Notification(Notification.Channel.SMS, reachable.get(0).phone(),
                        messages.getMessage("outreach.sms.subject", null, Locale.CHINA),
                        messages.getMessage("outreach.sms.body", new Object[]{c.name(), programme}, Locale.CHINA),
                        "outreach:" + c.id(), "outreach-sms-" + c.id() + "-" + clock.instant().toEpochMilli()));
            }
            long notice = candidates.addNotice(c.id(), channel, message, clock.instant(), actor.username());
            audit.record(AuditRecord.success("OUTREACH_NOTICE_SENT", "outreach:" + c.id(),
                    zh("outreach.programme." + c.programme()) + "：" + zh("outreach.channel." + channel) + "通知，档案编号 "
                            + c.personId()));
            return candidates.find(c.id()).orElseThrow();
        });
    }

    Candidates.Candidate outcome(long id, String outcome, String note, CurrentUser actor) {
        Candidates.Candidate c = candidate(id, actor);
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw ApiException.validation("outcome", "UNKNOWN", "outreach.outcome.unknown");
        }
        String cleaned = note == null || note.isBlank() ? null : note.strip();
        if (cleaned != null && cleaned.length() > 500) {
            cleaned = cleaned.substring(0, 500);
        }
        String stored = cleaned;
        return transactions.execute(s -> {
            candidates.outcome(c.id(), outcome, stored, clock.instant(), actor.username());
            audit.record(AuditRecord.success("OUTREACH_OUTCOME_RECORDED", "outreach:" + c.id(),
                    zh("outreach.programme." + c.programme()) + "：" + zh("outreach.status." + outcome) + "，档案编号 "
                            + c.personId()));
            return candidates.find(c.id()).orElseThrow();
        });
    }
}
