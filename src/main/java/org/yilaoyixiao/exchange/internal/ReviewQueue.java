package org.yilaoyixiao.exchange.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonRecordChanges;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * Records that matched nobody wait here until a clerk names the person they are about (often after registering a
 * newcomer) — then the record is applied exactly as if it had matched — or dismisses them with a note.
 */
@Service
class ReviewQueue {

    private final FeedRepository feeds;
    private final FeedEffects effects;
    private final PersonDirectory persons;
    private final org.yilaoyixiao.divisions.DivisionDirectory divisions;
    private final AuditTrail audit;
    private final ExchangeAuditText words;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReviewQueue(FeedRepository feeds, FeedEffects effects, PersonDirectory persons,
                org.yilaoyixiao.divisions.DivisionDirectory divisions, AuditTrail audit, ExchangeAuditText words,
                TransactionTemplate transactions, Clock clock) {
        this.feeds = feeds;
        this.effects = effects;
        this.persons = persons;
        this.divisions = divisions;
        this.audit = audit;
        this.words = words;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<FeedRepository.Stored> queued() {
        return feeds.queued(500);
    }

    FeedRepository.Stored resolve(long recordId, Long personId, String note, CurrentUser actor) {
        if (personId == null) {
            throw ApiException.validation("personId", "REQUIRED", "exchange.review.person-required");
        }
        // the person must be one the clerk may see (the picker offers only those): a number typed for someone
        // outside the scope is treated as unknown
        PersonSummary person = persons.find(personId)
                .filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.validation("personId", "UNKNOWN", "exchange.review.person-unknown"));
        try {
            return transactions.execute(s -> {
                FeedRepository.Stored stored = waiting(recordId);
                FeedEffects.Outcome outcome = effects.apply(stored.id(), stored.type(), stored.effectiveDate(),
                        stored.payload(), java.util.Optional.of(person), null);
                feeds.resolve(stored.id(), "RESOLVED", person.id(), outcome.outcome(), actor.username(),
                        clock.instant(), note);
                audit.record(AuditRecord.success("FEED_RECORD_RESOLVED", "feed-record:" + stored.id(),
                        "应用到档案编号 " + person.id() + "：" + words.word("exchange.outcome.", outcome.outcome())));
                return feeds.find(stored.id()).orElseThrow();
            });
        } catch (PersonRecordChanges.Refused refused) {
            throw ApiException.conflict(refused.reason());
        }
    }

    FeedRepository.Stored dismiss(long recordId, String note, CurrentUser actor) {
        if (note == null || note.isBlank()) {
            throw ApiException.validation("note", "REQUIRED", "exchange.review.note-required");
        }
        return transactions.execute(s -> {
            FeedRepository.Stored stored = waiting(recordId);
            feeds.resolve(stored.id(), "DISMISSED", null, "DISMISSED", actor.username(), clock.instant(),
                    note.strip());
            audit.record(AuditRecord.success("FEED_RECORD_DISMISSED", "feed-record:" + stored.id(), note.strip()));
            return feeds.find(stored.id()).orElseThrow();
        });
    }

    private FeedRepository.Stored waiting(long recordId) {
        FeedRepository.Stored stored = feeds.find(recordId).orElseThrow(() ->
                ApiException.notFound("exchange.record.not-found", Long.toString(recordId)));
        if (!stored.status().equals("QUEUED")) {
            throw ApiException.conflict("exchange.review.not-queued", Long.toString(recordId));
        }
        return stored;
    }
}
