package org.yilaoyixiao.exchange.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonRecordChanges;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * Loads a delivery of a feed record by record, each in its own transaction: a malformed record (or one the registry
 * refuses) is rejected with its reason and the rest still load; a record id the feed has seen before is a duplicate
 * and changes nothing, so loading the same file twice changes nothing.
 */
@Service
class Feeds {

    static final int MAX_RECORDS = 20_000;

    record Loaded(long id, int accepted, int duplicates, List<FeedParser.Rejection> rejected, int queuedForReview) {
    }

    private final FeedRepository feeds;
    private final FeedEffects effects;
    private final PersonDirectory persons;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final ExchangeAuditText words;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Feeds(FeedRepository feeds, FeedEffects effects, PersonDirectory persons, FieldCipher cipher,
          BlindIndex blindIndex, AuditTrail audit, ExchangeAuditText words, TransactionTemplate transactions,
          Clock clock) {
        this.feeds = feeds;
        this.effects = effects;
        this.persons = persons;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.words = words;
        this.transactions = transactions;
        this.clock = clock;
    }

    private enum Fate { ACCEPTED, QUEUED, DUPLICATE }

    Loaded load(String feed, String channel, String fileName, List<?> records, CurrentUser actor) {
        if (!FeedParser.TYPES.containsKey(feed)) {
            throw ApiException.notFound("exchange.feed.unknown", feed);
        }
        if (records == null || records.isEmpty()) {
            throw ApiException.validation("records", "EMPTY", "exchange.feed.empty");
        }
        if (records.size() > MAX_RECORDS) {
            throw ApiException.validation("records", "TOO_MANY", "exchange.feed.too-many", MAX_RECORDS);
        }
        LocalDate today = BusinessTime.today(clock);
        long loadId = transactions.execute(s -> feeds.newLoad(feed, channel, fileName, clock.instant(),
                actor.username()));
        int accepted = 0;
        int duplicates = 0;
        int queued = 0;
        List<FeedParser.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            FeedParser.Result parsed = FeedParser.parse(feed, i, records.get(i), today);
            if (parsed.rejection() != null) {
                rejected.add(parsed.rejection());
                continue;
            }
            FeedRecord record = parsed.record();
            try {
                Fate fate = transactions.execute(s -> take(loadId, record, actor));
                switch (fate) {
                    case DUPLICATE -> duplicates++;
                    case QUEUED -> {
                        accepted++;
                        queued++;
                    }
                    default -> accepted++;
                }
            } catch (PersonRecordChanges.Refused refused) {
                rejected.add(new FeedParser.Rejection(i, record.recordId(), refused.reason(), List.of()));
            }
        }
        int acceptedCount = accepted;
        int duplicateCount = duplicates;
        int queuedCount = queued;
        transactions.executeWithoutResult(s -> {
            rejected.forEach(r -> feeds.reject(loadId, r));
            feeds.finishLoad(loadId, records.size(), acceptedCount, duplicateCount, rejected.size(), queuedCount);
            audit.record(AuditRecord.success("FEED_LOADED", "feed-load:" + loadId,
                    words.word("exchange.feed.", feed) + "，" + words.word("exchange.channel.", channel) + "：接收 "
                            + acceptedCount + " 条，重复 " + duplicateCount + " 条，拒收 " + rejected.size()
                            + " 条，待核对 " + queuedCount + " 条"));
        });
        return new Loaded(loadId, accepted, duplicates, List.copyOf(rejected), queued);
    }

    private Fate take(long loadId, FeedRecord record, CurrentUser actor) {
        String idNumber = record.idNumber().value();
        Optional<Long> stored = feeds.insert(loadId, record, cipher.encrypt(idNumber), blindIndex.of(idNumber),
                clock.instant());
        if (stored.isEmpty()) {
            return Fate.DUPLICATE;
        }
        long id = stored.get();
        Optional<PersonSummary> person = persons.findByIdNumber(idNumber);
        FeedEffects.Outcome outcome = effects.apply(id, record.type(), record.effectiveDate(), record.fields(),
                person, record);
        feeds.settle(id, outcome);
        audit.record(AuditRecord.success("FEED_RECORD_APPLIED", "feed-record:" + id,
                words.word("exchange.type.", record.type()) + "：" + words.word("exchange.outcome.", outcome.outcome())
                        + (outcome.personId() == null ? "" : "，档案编号 " + outcome.personId()) + "，经办人 "
                        + words.person(actor.username())));
        return outcome.status().equals("QUEUED") ? Fate.QUEUED : Fate.ACCEPTED;
    }
}
