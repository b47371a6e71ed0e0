package org.yilaoyixiao.guardian.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.guardian.detection.FraudRules;
import org.yilaoyixiao.guardian.detection.Transfer;
import org.yilaoyixiao.guardian.detection.TransferHistory;
import org.yilaoyixiao.guardian.detection.Trigger;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * Transfers from partner banks: checked one by one (a bad one is rejected with its reason), stored once per account
 * reference + sequence, and each new one judged by the fraud rules against the elder's own earlier transfers.
 */
@Service
class TransferIngestion {

    /** A transfer as a bank sends it. */
    record RawTransfer(Long personId, String accountRef, BigDecimal amount, String counterparty, String channel,
                       String at, Long seq) {
    }

    private static final int PROFILE_DAYS = 180;

    private final JdbcClient jdbc;
    private final FraudRules rules;
    private final GuardianAlerts alerts;
    private final PersonDirectory persons;
    private final GuardianSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TransferIngestion(JdbcClient jdbc, FraudRules rules, GuardianAlerts alerts, PersonDirectory persons,
                      GuardianSettings settings, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.alerts = alerts;
        this.persons = persons;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Valid(Transfer transfer, long seq, String division) {
    }

    TelemetryIngestion.Result ingest(Long gatewayId, List<RawTransfer> batch) {
        List<RawTransfer> transfers = batch == null ? List.of() : batch;
        Instant now = clock.instant();
        List<Valid> valid = new ArrayList<>();
        List<TelemetryIngestion.Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicatesInBatch = 0;
        for (int i = 0; i < transfers.size(); i++) {
            RawTransfer raw = transfers.get(i);
            String problem = problem(raw, now);
            PersonSummary person = problem == null ? persons.find(raw.personId()).orElse(null) : null;
            if (problem == null && person == null) {
                problem = "PERSON: person " + raw.personId() + " is not registered";
            }
            if (problem != null) {
                rejected.add(new TelemetryIngestion.Rejected(i, problem));
                continue;
            }
            if (!seen.add(raw.accountRef() + "#" + raw.seq())) {
                duplicatesInBatch++;
                continue;
            }
            valid.add(new Valid(new Transfer(person.id(), raw.accountRef(), raw.amount(), raw.counterparty().strip(),
                    raw.channel(), OffsetDateTime.parse(raw.at()).toInstant()), raw.seq(),
                    person.residenceDivisionCode()));
        }
        int inBatchDuplicates = duplicatesInBatch;
        return transactions.execute(status -> {
            List<Valid> fresh = new ArrayList<>();
            for (Valid v : valid) {
                int inserted = jdbc.sql("""
                                insert into guardian.bank_transaction (person_id, account_ref, seq, amount, counterparty,
                                    channel, at, gateway_id)
                                values (:p, :account, :seq, :amount, :counterparty, :channel, :at, :gateway)
                                on conflict (account_ref, seq) do nothing
                                """).param("p", v.transfer().personId()).param("account", v.transfer().accountRef())
                        .param("seq", v.seq()).param("amount", v.transfer().amount())
                        .param("counterparty", v.transfer().counterparty()).param("channel", v.transfer().channel())
                        .param("at", TelemetryIngestion.utc(v.transfer().at())).param("gateway", gatewayId).update();
                if (inserted == 1) {
                    fresh.add(v);
                }
            }
            Set<String> fraudList = new HashSet<>(jdbc.sql("select counterparty from guardian.fraud_counterparty")
                    .query(String.class).list());
            fresh.sort(Comparator.comparing((Valid v) -> v.transfer().at()));
            for (Valid v : fresh) {
                for (Trigger trigger : rules.judge(v.transfer(), history(v.transfer()), fraudList)) {
                    alerts.raise(trigger, v.division());
                }
            }
            return new TelemetryIngestion.Result(fresh.size(), valid.size() - fresh.size() + inBatchDuplicates,
                    List.copyOf(rejected));
        });
    }

    /** The elder's transfers before this one: amounts, counterparties, and how many fell in the burst window. */
    private TransferHistory history(Transfer t) {
        OffsetDateTime at = TelemetryIngestion.utc(t.at());
        List<Object[]> rows = jdbc.sql("""
                        select amount, counterparty, at from guardian.bank_transaction
                        where person_id = :p and at < :at and at >= :since
                        """).param("p", t.personId()).param("at", at)
                .param("since", at.minusDays(PROFILE_DAYS))
                .query((rs, i) -> new Object[] {rs.getBigDecimal(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)}).list();
        OffsetDateTime burstFrom = at.minus(rules.settings().burstWindow());
        return new TransferHistory(rows.stream().map(r -> (BigDecimal) r[0]).toList(),
                rows.stream().map(r -> (String) r[1]).collect(java.util.stream.Collectors.toSet()),
                (int) rows.stream().filter(r -> !((OffsetDateTime) r[2]).isBefore(burstFrom)).count());
    }

    private String problem(RawTransfer raw, Instant now) {
        if (raw == null) {
            return "EMPTY: the transfer is empty";
        }
        if (raw.personId() == null) {
            return "PERSON: personId is missing";
        }
        if (raw.accountRef() == null || raw.accountRef().isBlank() || raw.accountRef().length() > 64) {
            return "ACCOUNT: accountRef is missing or longer than 64 characters";
        }
        if (raw.seq() == null || raw.seq() < 0) {
            return "SEQ: seq must be a number ≥ 0";
        }
        if (raw.amount() == null || raw.amount().signum() <= 0 || raw.amount().stripTrailingZeros().scale() > 2) {
            return "AMOUNT: amount must be positive with at most two decimals";
        }
        if (raw.counterparty() == null || raw.counterparty().isBlank() || raw.counterparty().length() > 100) {
            return "COUNTERPARTY: counterparty is missing or longer than 100 characters";
        }
        if (raw.channel() == null || raw.channel().isBlank() || raw.channel().length() > 20) {
            return "CHANNEL: channel is missing or longer than 20 characters";
        }
        Instant at;
        try {
            at = raw.at() == null ? null : OffsetDateTime.parse(raw.at()).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            return "AT: at must be an ISO-8601 time with offset";
        }
        if (at.isAfter(now.plus(settings.skew()))) {
            return "AT_FUTURE: at is later than now";
        }
        return null;
    }
}
