package org.yilaoyixiao.visits.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ApiException.FieldProblem;
import org.yilaoyixiao.platform.time.BusinessTime;

/** Checks a visit request field by field and names every problem at once. */
final class VisitRequestReader {

    /** A phone's clock may run a little ahead; anything later is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private VisitRequestReader() {
    }

    static NewVisit read(VisitRequest r, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.personId() == null) {
            problems.add(problem("personId", "REQUIRED", "visits.person.required"));
        }
        Instant visitedAt = visitedAt(r.visitedAt(), problems);
        if (visitedAt != null && visitedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            problems.add(problem("visitedAt", "FUTURE", "visits.visited-at.future"));
        }
        if (r.mode() == null || !Checklist.MODES.contains(r.mode())) {
            problems.add(problem("mode", "INVALID", "visits.mode.invalid"));
        }
        if (r.durationMinutes() != null && (r.durationMinutes() < 0 || r.durationMinutes() > 1440)) {
            problems.add(problem("durationMinutes", "RANGE", "visits.duration.range"));
        }
        VisitRequest.Location location = r.location();
        if (location != null && (location.latitude() != null || location.longitude() != null)) {
            if (!within(location.latitude(), 90)) {
                problems.add(problem("location.latitude", "RANGE", "visits.location.invalid"));
            }
            if (!within(location.longitude(), 180)) {
                problems.add(problem("location.longitude", "RANGE", "visits.location.invalid"));
            }
        } else {
            location = null;
        }
        Map<String, VisitRequest.Finding> findings = findings(r.findings(), problems);
        String key = r.idempotencyKey();
        if (key == null || !key.matches("[A-Za-z0-9_-]{8,100}")) {
            problems.add(problem("idempotencyKey", "INVALID", "visits.idempotency-key.invalid"));
        }
        if (r.note() != null && r.note().length() > 2000) {
            problems.add(problem("note", "TOO_LONG", "visits.note.too-long"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new NewVisit(r.personId(), r.taskId(), visitedAt, r.mode(), Boolean.TRUE.equals(r.withFamilyAbroad()),
                r.durationMinutes(), location == null ? null : location.latitude(),
                location == null ? null : location.longitude(), location == null ? null : location.accuracyMeters(),
                findings, blankToNull(r.note()), key);
    }

    private static Instant visitedAt(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem("visitedAt", "REQUIRED", "visits.visited-at.required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(BusinessTime.ZONE).toInstant();
            } catch (DateTimeParseException again) {
                problems.add(problem("visitedAt", "INVALID", "visits.visited-at.invalid"));
                return null;
            }
        }
    }

    private static Map<String, VisitRequest.Finding> findings(Map<String, VisitRequest.Finding> given,
                                                              List<FieldProblem> problems) {
        Map<String, VisitRequest.Finding> findings = new LinkedHashMap<>();
        Map<String, VisitRequest.Finding> all = given == null ? Map.of() : given;
        for (String area : all.keySet()) {
            if (!Checklist.AREAS.contains(area)) {
                problems.add(problem("findings." + area, "UNKNOWN", "visits.finding.unknown", area));
            }
        }
        for (String area : Checklist.AREAS) {
            VisitRequest.Finding f = all.get(area);
            if (f == null || f.concern() == null) {
                problems.add(problem("findings." + area, "REQUIRED", "visits.finding.required",
                        new org.springframework.context.support.DefaultMessageSourceResolvable("visits.area." + area)));
                continue;
            }
            String raise = f.raise() == null || f.raise().isBlank() ? "NONE" : f.raise();
            if (!Checklist.RAISES.contains(raise)) {
                problems.add(problem("findings." + area + ".raise", "INVALID", "visits.finding.raise.invalid"));
                continue;
            }
            String service = f.service() == null || f.service().isBlank() ? null : f.service();
            if ("SERVICE_NEED".equals(raise) && (service == null || !Checklist.SERVICES.contains(service))) {
                problems.add(problem("findings." + area + ".service", "REQUIRED",
                        "visits.finding.service.required"));
                continue;
            }
            if (!"NONE".equals(raise) && !f.concern()) {
                problems.add(problem("findings." + area + ".concern", "INCONSISTENT",
                        "visits.finding.raise-without-concern"));
                continue;
            }
            String note = blankToNull(f.note());
            if (note != null && note.length() > 500) {
                problems.add(problem("findings." + area + ".note", "TOO_LONG", "visits.note.too-long"));
                continue;
            }
            findings.put(area, new VisitRequest.Finding(f.concern(), note, raise,
                    "SERVICE_NEED".equals(raise) ? service : null));
        }
        return findings;
    }

    private static boolean within(BigDecimal value, int limit) {
        return value != null && value.abs().compareTo(BigDecimal.valueOf(limit)) <= 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static FieldProblem problem(String field, String code, String key, Object... args) {
        return new FieldProblem(field, code, key, args);
    }
}
