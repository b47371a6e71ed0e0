package org.yilaoyixiao.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.assessment.AssessmentFindings;
import org.yilaoyixiao.assessment.AssessmentItem;
import org.yilaoyixiao.assessment.AssessmentItems;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ApiException.FieldProblem;

/** Checks an assessment request field by field and names every problem at once. */
final class AssessmentRequestReader {

    static final int ASSESSORS = 2;

    private AssessmentRequestReader() {
    }

    record Request(Long personId, LocalDate assessedOn, String reason, String place, List<String> assessors,
                   Map<String, Integer> items, Boolean coma, List<String> diagnoses, Integer riskEventsLast30Days) {
    }

    static NewAssessment read(Request r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.personId() == null) {
            problems.add(problem("personId", "REQUIRED", "assessment.person.required"));
        }
        if (r.assessedOn() == null) {
            problems.add(problem("assessedOn", "REQUIRED", "assessment.date.required"));
        }
        AssessmentReason reason = reason(r.reason(), problems);
        if (r.place() == null || r.place().isBlank()) {
            problems.add(problem("place", "REQUIRED", "assessment.place.required"));
        }
        List<String> assessors = r.assessors() == null ? List.of()
                : r.assessors().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        if (assessors.size() < ASSESSORS) {
            problems.add(problem("assessors", "REQUIRED", "assessment.assessors.required"));
        } else if (assessors.stream().map(AssessmentRequestReader::sameName).distinct().count() < assessors.size()) {
            problems.add(problem("assessors", "DUPLICATE", "assessment.assessors.distinct"));
        }
        Map<String, Integer> items = items(r.items(), problems);
        List<String> diagnoses = r.diagnoses() == null ? List.of()
                : r.diagnoses().stream().map(d -> d == null ? "" : d.strip().toUpperCase()).toList();
        for (int i = 0; i < diagnoses.size(); i++) {
            if (!AssessmentFindings.isIcd10(diagnoses.get(i))) {
                problems.add(problem("diagnoses[" + i + "]", "INVALID", "assessment.diagnosis.invalid",
                        diagnoses.get(i)));
            }
        }
        int riskEvents = r.riskEventsLast30Days() == null ? 0 : r.riskEventsLast30Days();
        if (riskEvents < 0) {
            problems.add(problem("riskEventsLast30Days", "INVALID", "assessment.risk-events.invalid"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new NewAssessment(r.personId(), r.assessedOn(), reason, r.place().strip(), assessors, items,
                new AssessmentFindings(Boolean.TRUE.equals(r.coma()), diagnoses, riskEvents));
    }

    private static AssessmentReason reason(String value, List<FieldProblem> problems) {
        try {
            return AssessmentReason.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(problem("reason", "INVALID", "assessment.reason.invalid"));
            return null;
        }
    }

    private static Map<String, Integer> items(Map<String, Integer> given, List<FieldProblem> problems) {
        Map<String, Integer> scores = given == null ? Map.of() : given;
        Map<String, Integer> items = new LinkedHashMap<>();
        for (AssessmentItem item : AssessmentItems.standard().all()) {
            Integer score = scores.get(item.code());
            if (score == null) {
                problems.add(problem("items." + item.code(), "REQUIRED", "assessment.item.required",
                        item.code(), item.nameZh()));
            } else if (!item.accepts(score)) {
                problems.add(problem("items." + item.code(), "OUT_OF_RANGE", "assessment.item.out-of-range",
                        item.code(), item.nameZh(), Integer.toString(item.maxScore())));
            } else {
                items.put(item.code(), score);
            }
        }
        for (String code : scores.keySet()) {
            if (!items.containsKey(code) && AssessmentItems.standard().all().stream()
                    .noneMatch(item -> item.code().equals(code))) {
                problems.add(problem("items." + code, "UNKNOWN", "assessment.item.unknown", code));
            }
        }
        return items;
    }

    /** Two spellings of one name are one assessor: spaces and letter case do not make a second person. */
    private static String sameName(String name) {
        return name.replaceAll("[\\s\u3000·・.]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static FieldProblem problem(String field, String code, String key, Object... args) {
        return new FieldProblem(field, code, key, args);
    }
}
