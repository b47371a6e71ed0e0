package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/** "How much, and why?" for given facts or for a real record, as of a date. */
@Service
class Quotes {

    private final Map<Programme, SubsidyRule> rules = new EnumMap<>(Programme.class);
    private final PolicyParameters parameters;
    private final SubjectFacts subjects;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final AuditText words;

    Quotes(List<SubsidyRule> rules, PolicyParameters parameters, SubjectFacts subjects, DivisionDirectory divisions,
           AuditTrail audit, AuditText words) {
        rules.forEach(rule -> this.rules.put(rule.programme(), rule));
        this.parameters = parameters;
        this.subjects = subjects;
        this.divisions = divisions;
        this.audit = audit;
        this.words = words;
    }

    record Request(String programme, LocalDate asOf, Long subjectId, Map<String, Object> facts) {
    }

    @Transactional
    Quote quote(Request request, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Programme programme = null;
        if (request.programme() == null || request.programme().isBlank()) {
            problems.add(new ApiException.FieldProblem("programme", "REQUIRED", "subsidies.programme.required", null));
        } else {
            try {
                programme = Programme.valueOf(request.programme());
            } catch (IllegalArgumentException e) {
                problems.add(new ApiException.FieldProblem("programme", "UNKNOWN", "subsidies.programme.unknown",
                        new Object[] {request.programme()}));
            }
        }
        if (request.asOf() == null) {
            problems.add(new ApiException.FieldProblem("asOf", "REQUIRED", "subsidies.as-of.required", null));
        }
        if (request.subjectId() == null && request.facts() == null) {
            problems.add(new ApiException.FieldProblem("facts", "REQUIRED", "subsidies.facts-or-subject.required", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        if (request.subjectId() != null) {
            SubjectFacts.Subject subject = subjects.of(programme, request.subjectId(), request.asOf())
                    .filter(s -> divisions.isWithin(actor.divisionCode(), s.divisionCode()))
                    .orElseThrow(() -> ApiException.notFound("subsidies.subject.not-found", request.subjectId()));
            facts.putAll(subject.facts());
            audit.record(AuditRecord.success("SUBSIDY_QUOTED", subjectTarget(programme) + ":" + request.subjectId(),
                    words.programme(programme) + "，测算日期 " + request.asOf()));
        }
        if (request.facts() != null) {
            // given facts complete a record (e.g. the year a provider was completed), never override it
            request.facts().forEach(facts::putIfAbsent);
        }
        return rules.get(programme).evaluate(new Facts(facts), request.asOf(), parameters);
    }

    /** The name of a real subject in the reader's scope, to show with its quote. */
    java.util.Optional<String> subjectName(Programme programme, long subjectId, LocalDate asOf, CurrentUser actor) {
        return subjects.of(programme, subjectId, asOf == null ? LocalDate.now() : asOf)
                .filter(s -> divisions.isWithin(actor.divisionCode(), s.divisionCode()))
                .map(SubjectFacts.Subject::name);
    }

    static String subjectTarget(Programme programme) {
        return switch (programme) {
            case ELDERLY_SERVICE_SUBSIDY, CHILDCARE_ALLOWANCE -> "person";
            case INSTITUTION_CONSTRUCTION, INSTITUTION_OPERATING -> "institution";
            case CHILDCARE_OPERATING, CHILDCARE_SLOT_CONSTRUCTION -> "provider";
        };
    }
}
