package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.guardian.detection.LearnedRoutine;
import org.yilaoyixiao.guardian.detection.Outing;
import org.yilaoyixiao.guardian.detection.SafeZone;
import org.yilaoyixiao.platform.api.ApiException;

/** An elder's learned routine, and relearning it on demand (the nightly run does it for everyone). */
@RestController
class RoutineApiController {

    private final RoutineStore routines;
    private final RoutineLearning learning;
    private final ElderScope scope;
    private final AuditTrail audit;

    RoutineApiController(RoutineStore routines, RoutineLearning learning, ElderScope scope,
                         AuditTrail audit) {
        this.routines = routines;
        this.learning = learning;
        this.scope = scope;
        this.audit = audit;
    }

    record Place(String name, String source, double lat, double lon, int radiusMeters, int hoursMask) {
    }

    record RoutineView(long personId, Instant learnedAt, int historyDays, int days, Long normalGapMinutes,
                       int activeHoursMask, int[] activeHourDays, double[] waterCurve, double[] powerCurve,
                       Integer waterByMinute, Integer powerByMinute, List<Place> places, List<Outing> outings) {
    }

    @GetMapping("/api/v1/guardian/persons/{personId}/routine")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    RoutineView routine(@PathVariable long personId) {
        scope.visible(personId);
        RoutineStore.Stored stored = routines.find(personId)
                .orElseThrow(() -> ApiException.notFound("guardian.routine.not-learned", Long.toString(personId)));
        audit.record(AuditRecord.success("GUARDIAN_ROUTINE_VIEWED", "person:" + personId, ""));
        return view(personId, stored);
    }

    @PostMapping("/api/v1/guardian/persons/{personId}/routine/relearn")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.HANDLE + "')")
    RoutineView relearn(@PathVariable long personId) {
        scope.visible(personId);
        LearnedRoutine routine = learning.relearn(personId);
        audit.record(AuditRecord.success("GUARDIAN_ROUTINE_RELEARNED", "person:" + personId,
                "days=" + routine.days() + " places=" + routine.places().size()));
        return view(personId, routines.find(personId).orElseThrow());
    }

    private static RoutineView view(long personId, RoutineStore.Stored stored) {
        LearnedRoutine r = stored.routine();
        return new RoutineView(personId, stored.learnedAt(), stored.historyDays(), r.days(),
                r.normalActivityGap() == null ? null : r.normalActivityGap().toMinutes(), r.activeHours(),
                r.activeHourDays(), r.waterCurve(), r.powerCurve(), r.waterByMinute(), r.powerByMinute(),
                r.places().stream().map(RoutineApiController::place).toList(), r.outings());
    }

    private static Place place(SafeZone p) {
        return new Place(p.name(), p.source().name(), p.lat(), p.lon(), p.radiusMeters(), p.hours());
    }
}
