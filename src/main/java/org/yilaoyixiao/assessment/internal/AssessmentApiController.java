package org.yilaoyixiao.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.assessment.AssessmentPermissions;
import org.yilaoyixiao.assessment.LevelChange;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Elderly capability assessments (GB/T 42195-2022)")
class AssessmentApiController {

    private final Assessments assessments;
    private final ReassessmentSchedule schedule;
    private final CurrentUsers currentUsers;

    AssessmentApiController(Assessments assessments, ReassessmentSchedule schedule, CurrentUsers currentUsers) {
        this.assessments = assessments;
        this.schedule = schedule;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/assessments/due")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    @Operation(summary = "People due for reassessment in a division (default: the caller's scope): their latest "
            + "assessment is at least yly.assessment.reassessment-interval (default 12 months) old, or who have only "
            + "an imported MZ/T 039-2013 result that old (firstUnderCurrentStandard; legacyLevel in that scheme, "
            + "currentLevel null); most overdue first")
    List<DueResponse> due(@RequestParam(required = false) String division) {
        return schedule.due(division, currentUsers.require()).stream()
                .map(d -> new DueResponse(d.personId(), d.divisionCode(), d.scheme(), d.latestAssessmentId(),
                        d.lastAssessedOn(), d.currentLevel(), d.legacyLevel(), d.firstUnderCurrentStandard(),
                        d.dueOn())).toList();
    }

    @PostMapping("/api/v1/assessments")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    @Operation(summary = "Record an assessment: all 26 items (B.1.1…B.4.5), two assessors; answers the subtotals, "
            + "the total, the initial and final level and the level changes applied. 400 VALIDATION_FAILED names "
            + "each missing or out-of-range item as items.<code>")
    ResponseEntity<AssessmentResponse> record(@RequestBody AssessmentRequestReader.Request request) {
        AssessmentRecord created = assessments.record(AssessmentRequestReader.read(request), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + created.id())).body(response(created));
    }

    @GetMapping("/api/v1/assessments/{id}")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    @Operation(summary = "One assessment")
    AssessmentResponse assessment(@PathVariable long id) {
        return response(assessments.assessment(id, currentUsers.require()));
    }

    @GetMapping("/api/v1/persons/{personId}/assessments")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    @Operation(summary = "A person's assessments, newest first; the first one's final level is the current level")
    List<AssessmentResponse> history(@PathVariable long personId) {
        return assessments.history(personId, currentUsers.require()).stream()
                .map(AssessmentApiController::response).toList();
    }

    static AssessmentResponse response(AssessmentRecord r) {
        return new AssessmentResponse(r.id(), r.personId(), r.scheme(), r.assessedOn(), r.reason(), r.place(),
                r.assessors(), r.subtotals(), r.totalScore(), r.initialLevel().number(), r.finalLevel().number(),
                r.finalLevel().nameZh(), r.changes(), r.coma(), r.diagnoses(), r.riskEvents());
    }

    record DueResponse(long personId, String divisionCode, String scheme, long latestAssessmentId,
                       LocalDate lastAssessedOn, Integer currentLevel, Integer legacyLevel,
                       boolean firstUnderCurrentStandard, LocalDate dueOn) {
    }

    record AssessmentResponse(long id, long personId, String scheme, LocalDate assessedOn, String reason,
                              String place, List<String> assessors, Map<String, Integer> subtotals, int totalScore,
                              int initialLevel, int finalLevel, String levelName, List<LevelChange> changes,
                              boolean coma, List<String> diagnoses, int riskEventsLast30Days) {
    }
}
