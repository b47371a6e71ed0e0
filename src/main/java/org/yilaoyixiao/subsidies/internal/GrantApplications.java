package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.subsidies.Programme;

/**
 * One-time subsidies on application (一次性补助): the construction subsidy of a private institution and the slot
 * subsidy of a childcare provider. An application is the quote for the real record as of a date, kept as it was
 * computed; it is granted once per subject and programme (a pending or approved application blocks another, also in
 * the database), and approved or rejected by someone other than its preparer (decision 0037).
 */
@Component
class GrantApplications {

    static final Set<Programme> ONE_TIME = Set.of(Programme.INSTITUTION_CONSTRUCTION,
            Programme.CHILDCARE_SLOT_CONSTRUCTION);

    private final Quotes quotes;
    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final AuditText words;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    GrantApplications(Quotes quotes, JdbcClient jdbc, DivisionDirectory divisions, AuditTrail audit,
                      AuditText words, MessageSource messages, ObjectMapper json, Clock clock, TransactionTemplate transactions) {
        this.quotes = quotes;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.audit = audit;
        this.words = words;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    record Grant(long id, String programme, String subjectType, long subjectId, String subjectName,
                 String divisionCode, String townshipCode, LocalDate asOf, BigDecimal amount, String quote,
                 String status, String preparedBy, Instant preparedAt, String decidedBy, Instant decidedAt,
                 String decisionNote) {
    }

    private static final String COLUMNS = "id, programme, subject_type, subject_id, subject_name, division_code, "
            + "township_code, as_of, amount, quote::text as quote, status, prepared_by, prepared_at, decided_by, "
            + "decided_at, decision_note";

    /**
     * Applies for a one-time subsidy for a real institution or provider as of a date: 201 with the amount; 400 for
     * another programme or a record missing a fact; 409 when not eligible (with the reasons) or already applied for.
     */
    Grant apply(String programmeName, Long subjectId, LocalDate asOf, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Programme programme = null;
        try {
            programme = programmeName == null ? null : Programme.valueOf(programmeName);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (programme == null || !ONE_TIME.contains(programme)) {
            problems.add(new ApiException.FieldProblem("programme", "NOT_ONE_TIME", "subsidies.grant.programme",
                    new Object[] {String.valueOf(programmeName)}));
        }
        if (subjectId == null) {
            problems.add(new ApiException.FieldProblem("subjectId", "REQUIRED", "subsidies.grant.subject.required",
                    null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        LocalDate date = asOf == null ? org.yilaoyixiao.platform.time.BusinessTime.today(clock) : asOf;
        Programme chosen = programme;
        // the quote checks the scope, audits the read and names any fact the record lacks (400)
        Quote quote = quotes.quote(new Quotes.Request(chosen.name(), date, subjectId, null), actor);
        if (!quote.eligible()) {
            String reasons = String.join("；", quote.reasons().stream()
                    .map(r -> QuoteApiController.text(r, messages, Locale.SIMPLIFIED_CHINESE)).toList());
            throw ApiException.conflict("subsidies.grant.not-eligible", reasons);
        }
        SubjectRow subject = subject(chosen, subjectId);
        // the record as approved: in the county's working language, with the references the amount rests on
        String stored = json.writeValueAsString(QuoteApiController.response(quote, messages, Locale.SIMPLIFIED_CHINESE));
        Long id = transactions.execute(s -> {
            Long created = jdbc.sql("""
                    insert into subsidies.grant_application (programme, subject_type, subject_id, subject_name,
                        division_code, township_code, as_of, amount, quote, status, prepared_by, prepared_at)
                    values (:programme, :type, :subject, :name, :division, :township, :asOf, :amount,
                            cast(:quote as jsonb), 'PENDING', :actor, :now)
                    on conflict do nothing
                    returning id
                    """).param("programme", chosen.name()).param("type", Quotes.subjectTarget(chosen).toUpperCase())
                    .param("subject", subjectId).param("name", subject.name()).param("division", subject.divisionCode())
                    .param("township", township(subject.divisionCode())).param("asOf", date)
                    .param("amount", quote.amount()).param("quote", stored).param("actor", actor.username())
                    .param("now", Timestamp.from(clock.instant())).query(Long.class).optional().orElse(null);
            if (created != null) {
                audit.record(AuditRecord.success("SUBSIDY_GRANT_APPLIED", "subsidy-grant:" + created,
                        words.programme(chosen) + "：" + subject.name() + "，" + AuditText.money(quote.amount())));
            }
            return created;
        });
        if (id == null) {
            Grant existing = jdbc.sql("select " + COLUMNS + " from subsidies.grant_application where programme = :p "
                            + "and subject_id = :s and status <> 'REJECTED'")
                    .param("p", chosen.name()).param("s", subjectId).query(Grant.class).single();
            throw ApiException.conflict("subsidies.grant.exists", subject.name(), existing.id(),
                    messages.getMessage("subsidies.grant.status." + existing.status(), null, Locale.SIMPLIFIED_CHINESE));
        }
        return find(id).orElseThrow();
    }

    private record SubjectRow(String name, String divisionCode) {
    }

    private SubjectRow subject(Programme programme, long id) {
        String view = programme == Programme.INSTITUTION_CONSTRUCTION ? "facilities.published_institution"
                : "facilities.published_childcare_provider";
        return jdbc.sql("select name, division_code from " + view + " where id = :id").param("id", id)
                .query(SubjectRow.class).single();
    }

    private String township(String divisionCode) {
        return divisions.path(divisionCode).stream().filter(d -> d.level() == DivisionLevel.TOWNSHIP)
                .map(Division::code).findFirst().orElse(divisionCode);
    }

    Grant approve(long id, CurrentUser actor) {
        return decide(id, actor, "APPROVED", null, null, false);
    }

    /** Approves what the decider previewed ({@link Confirmations#grant}); otherwise nothing is granted. */
    Grant approveConfirmed(long id, CurrentUser actor, String confirmation) {
        return decide(id, actor, "APPROVED", null, confirmation, true);
    }

    Grant reject(long id, String note, CurrentUser actor) {
        if (note == null || note.isBlank()) {
            throw ApiException.validation("note", "REQUIRED", "subsidies.grant.note.required");
        }
        return decide(id, actor, "REJECTED", note.strip(), null, false);
    }

    private Grant decide(long id, CurrentUser actor, String status, String note, String confirmation,
                         boolean confirmed) {
        Grant grant = find(id).filter(g -> visible(g, actor))
                .orElseThrow(() -> ApiException.notFound("subsidies.grant.not-found", id));
        if (grant.preparedBy().equals(actor.username())) {
            // outside the decision's transaction, so that the refusal stays in the trail
            audit.record(AuditRecord.of("SUBSIDY_GRANT_DECISION_REFUSED", "subsidy-grant:" + id, AuditOutcome.DENIED,
                    "审核人即申请经办人，不得审核"));
            throw ApiException.forbidden("subsidies.grant.decider-is-preparer");
        }
        if (confirmed && "PENDING".equals(grant.status())) {
            try {
                Confirmations.require(confirmation, Confirmations.grant(grant));
            } catch (ApiException e) {
                audit.record(AuditRecord.of("SUBSIDY_GRANT_DECISION_REFUSED", "subsidy-grant:" + id,
                        AuditOutcome.DENIED, confirmation == null || confirmation.isBlank() ? "未经预览确认"
                                : "预览之后数据已变化"));
                throw e;
            }
        }
        return transactions.execute(s -> {
            int changed = jdbc.sql("""
                    update subsidies.grant_application set status = :status, decided_by = :actor, decided_at = :now,
                           decision_note = :note
                    where id = :id and status = 'PENDING' and prepared_by <> :actor
                    """).param("status", status).param("actor", actor.username())
                    .param("now", Timestamp.from(clock.instant())).param("note", note).param("id", id).update();
            if (changed == 0) {
                throw ApiException.conflict("subsidies.grant.decided", messages.getMessage(
                        "subsidies.grant.status." + find(id).orElseThrow().status(), null, Locale.SIMPLIFIED_CHINESE));
            }
            audit.record(AuditRecord.success("APPROVED".equals(status) ? "SUBSIDY_GRANT_APPROVED"
                    : "SUBSIDY_GRANT_REJECTED", "subsidy-grant:" + id, words.programme(grant.programme()) + "：" + grant.subjectName() + "，"
                    + AuditText.money(grant.amount()) + "，申请经办人 " + words.person(grant.preparedBy())
                    + (note == null ? "" : "；审核意见：" + note)));
            return find(id).orElseThrow();
        });
    }

    Optional<Grant> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from subsidies.grant_application where id = :id").param("id", id)
                .query(Grant.class).optional();
    }

    Optional<Grant> find(long id, CurrentUser actor) {
        return find(id).filter(g -> visible(g, actor));
    }

    private boolean visible(Grant grant, CurrentUser actor) {
        return divisions.isWithin(actor.divisionCode(), grant.divisionCode());
    }

    /** Applications in the reader's scope, newest first; a status narrows them. */
    List<Grant> list(String status, CurrentUser actor) {
        Set<String> scope = divisions.subtreeCodes(actor.divisionCode());
        return jdbc.sql("select " + COLUMNS + " from subsidies.grant_application where division_code in (:scope)"
                        + (status == null || status.isBlank() ? "" : " and status = :status")
                        + " order by prepared_at desc, id desc limit 500")
                .param("scope", scope).params(status == null || status.isBlank() ? java.util.Map.of()
                        : java.util.Map.of("status", status))
                .query(Grant.class).list();
    }

    /** Narrows the list: a status, a programme, a division subtree, those waiting for this user's decision. */
    record Filter(String status, Programme programme, String division, CurrentUser awaitingDecisionBy) {
    }

    /** One page of applications in the reader's scope (or the chosen division in it), newest first, with the total. */
    org.yilaoyixiao.platform.api.PageResponse<Grant> page(Filter filter, org.yilaoyixiao.platform.api.PageRequest page,
                                                          CurrentUser actor) {
        String root = filter.division() == null ? actor.divisionCode() : filter.division();
        if (!divisions.isWithin(actor.divisionCode(), root)) {
            throw ApiException.notFound("subsidies.division.not-found", root);
        }
        String where = " where division_code in (:scope)"
                + " and (cast(:status as varchar) is null or status = :status)"
                + " and (cast(:programme as varchar) is null or programme = :programme)"
                + (filter.awaitingDecisionBy() == null ? ""
                : " and status = 'PENDING' and prepared_by <> :me and programme in (:mine)");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("scope", divisions.subtreeCodes(root));
        params.put("status", filter.status());
        params.put("programme", filter.programme() == null ? null : filter.programme().name());
        if (filter.awaitingDecisionBy() != null) {
            params.put("me", filter.awaitingDecisionBy().username());
            List<String> mine = BureauProgrammes.of(filter.awaitingDecisionBy()).stream().map(Programme::name)
                    .toList();
            params.put("mine", mine.isEmpty() ? List.of("-") : mine);
        }
        long total = jdbc.sql("select count(*) from subsidies.grant_application" + where).params(params)
                .query(Long.class).single();
        List<Grant> items = jdbc.sql("select " + COLUMNS + " from subsidies.grant_application" + where
                        + " order by prepared_at desc, id desc limit :limit offset :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset()).query(Grant.class).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Pending applications in the user's scope that someone else prepared: waiting for their decision. */
    long awaitingDecision(CurrentUser actor, java.util.Collection<Programme> programmes) {
        if (programmes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from subsidies.grant_application where status = 'PENDING' "
                        + "and prepared_by <> :me and programme in (:programmes) and division_code in (:scope)")
                .param("me", actor.username()).param("programmes", programmes.stream().map(Programme::name).toList())
                .param("scope", divisions.subtreeCodes(actor.divisionCode())).query(Long.class).single();
    }

    /** Approved applications decided in a year, in the reader's scope, in payment-list order. */
    List<Grant> approvedIn(int year, CurrentUser actor) {
        Set<String> scope = divisions.subtreeCodes(actor.divisionCode());
        return jdbc.sql("select " + COLUMNS + " from subsidies.grant_application where status = 'APPROVED' "
                        + "and division_code in (:scope) and decided_at >= :from and decided_at < :to "
                        + "order by township_code, subject_name, id")
                .param("scope", scope)
                .param("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(org.yilaoyixiao.platform.time.BusinessTime.ZONE).toInstant()))
                .param("to", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(org.yilaoyixiao.platform.time.BusinessTime.ZONE).toInstant()))
                .query(Grant.class).list();
    }

    /** Institutions or providers in the reader's scope to apply for (id, name), for the application form. */
    List<SubjectOption> subjects(Programme programme, CurrentUser actor) {
        String view = programme == Programme.INSTITUTION_CONSTRUCTION ? "facilities.published_institution"
                : "facilities.published_childcare_provider";
        return jdbc.sql("select id, name from " + view + " where division_code in (:scope) order by name, id")
                .param("scope", divisions.subtreeCodes(actor.divisionCode())).query(SubjectOption.class).list();
    }

    record SubjectOption(long id, String name) {
    }
}
