package org.yilaoyixiao.planning.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.planning.PlanningPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;

@RestController
@Tag(name = "Plan registry (规划项目库)")
class PlanApiController {

    private final Projects projects;
    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    PlanApiController(Projects projects, JdbcClient jdbc, CurrentUsers currentUsers, Clock clock) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping("/api/v1/plan/projects")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.READ + "')")
    @Operation(summary = "The plan's projects (附件1) with their current progress, and the planned investment per "
            + "category in 万元 (ELDERLY 121082, CHILDCARE 20000)")
    ProjectList projects() {
        List<Project> all = projects.all();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        Projects.totals(all).forEach((category, sum) -> totals.put(category.name(), plain(sum)));
        return new ProjectList(all.stream().map(PlanApiController::response).toList(), totals);
    }

    @GetMapping("/api/v1/plan/projects/{code}")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.READ + "')")
    @Operation(summary = "One project with its progress updates, newest first")
    ProjectDetail project(@PathVariable String code) {
        return new ProjectDetail(response(projects.require(code)), projects.progress(code));
    }

    @PostMapping("/api/v1/plan/projects/{code}/progress")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.MANAGE + "')")
    @Operation(summary = "Record a progress update (status, percent complete, invested to date in 万元, beds or places "
            + "delivered, attachment names); it becomes the project's current state; audited")
    ResponseEntity<Projects.Progress> progress(@PathVariable String code, @RequestBody ProgressRequest request) {
        projects.require(code);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Project.Status status = null;
        try {
            status = request.status() == null ? null : Project.Status.valueOf(request.status().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            status = null;
        }
        if (status == null) {
            problems.add(new ApiException.FieldProblem("status", "INVALID", "planning.progress.status.invalid", null));
        }
        if (request.percentComplete() == null || request.percentComplete() < 0 || request.percentComplete() > 100) {
            problems.add(new ApiException.FieldProblem("percentComplete", "INVALID", "planning.progress.percent.invalid", null));
        }
        if (request.investedToDate() == null || request.investedToDate().signum() < 0) {
            problems.add(new ApiException.FieldProblem("investedToDate", "INVALID", "planning.progress.invested.invalid", null));
        }
        if (request.bedsDelivered() != null && request.bedsDelivered() < 0) {
            problems.add(new ApiException.FieldProblem("bedsDelivered", "INVALID", "planning.progress.count.invalid", null));
        }
        if (request.placesDelivered() != null && request.placesDelivered() < 0) {
            problems.add(new ApiException.FieldProblem("placesDelivered", "INVALID", "planning.progress.count.invalid", null));
        }
        if (status == Project.Status.COMPLETED && request.percentComplete() != null && request.percentComplete() != 100) {
            problems.add(new ApiException.FieldProblem("percentComplete", "INCONSISTENT", "planning.progress.completed-percent", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        LocalDate on = request.reportedOn() == null ? BusinessTime.today(clock) : request.reportedOn();
        Projects.Progress saved = projects.recordProgress(code, on, status, request.percentComplete(),
                request.investedToDate(), request.bedsDelivered() == null ? 0 : request.bedsDelivered(),
                request.placesDelivered() == null ? 0 : request.placesDelivered(), request.note(),
                request.attachments() == null ? List.of() : request.attachments(), currentUsers.require().username());
        return ResponseEntity.created(URI.create("/api/v1/plan/projects/" + code)).body(saved);
    }

    @PostMapping("/api/v1/plan/projects/{code}/capacity")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.MANAGE + "') and hasAuthority('" + org.yilaoyixiao.facilities.FacilitiesPermissions.MANAGE + "')")
    @Operation(summary = "Turn a completed project's delivered beds into an institution's approved beds of a type "
            + "(institutionId, bedType) or its places into a childcare provider's slots (providerId); once per project "
            + "(409 again, 409 when not completed)")
    ProjectResponse capacity(@PathVariable String code, @RequestBody CapacityRequest request) {
        BedType bedType = null;
        if (request.bedType() != null) {
            try {
                bedType = BedType.valueOf(request.bedType().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("bedType", "UNKNOWN", "planning.capacity.bed-type.invalid");
            }
        }
        return response(projects.convert(code, request.institutionId(), bedType, request.providerId(),
                currentUsers.require().username()));
    }

    @GetMapping("/api/v1/plan/items")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.READ + "')")
    @Operation(summary = "The plan's policies (附件2), pilots (附件3) and reforms (附件4)")
    List<PlanItem> items() {
        return jdbc.sql("select * from planning.plan_item order by seq").query((rs, n) -> new PlanItem(
                rs.getString("code"), rs.getString("kind"), rs.getString("title"), rs.getString("document_number"),
                rs.getString("responsible_units"), rs.getString("place"), rs.getString("source"))).list();
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static ProjectResponse response(Project p) {
        return new ProjectResponse(p.code(), p.category().name(), p.name(), p.buildType(), p.years(), p.place(),
                p.divisionCode(), p.content(), plain(p.investment()), p.owner(), p.funding(), p.plannedBeds(),
                p.plannedPlaces(), p.status().name(), p.percentComplete(), plain(p.investedToDate()),
                p.bedsDelivered(), p.placesDelivered(), p.source(), p.conversion());
    }

    record ProjectList(List<ProjectResponse> items, Map<String, BigDecimal> totals) {
    }

    record ProjectDetail(ProjectResponse project, List<Projects.Progress> progress) {
    }

    record ProjectResponse(String code, String category, String name, String buildType, String years, String place,
                           String divisionCode, String content, BigDecimal investment, String owner, String funding,
                           Integer plannedBeds, Integer plannedPlaces, String status, int percentComplete,
                           BigDecimal investedToDate, int bedsDelivered, int placesDelivered, String source,
                           Project.Conversion capacityConversion) {
    }

    record ProgressRequest(LocalDate reportedOn, String status, Integer percentComplete, BigDecimal investedToDate,
                           Integer bedsDelivered, Integer placesDelivered, String note, List<String> attachments) {
    }

    record CapacityRequest(Long institutionId, String bedType, Long providerId) {
    }

    record PlanItem(String code, String kind, String title, String documentNumber, String responsibleUnits,
                    String place, String source) {
    }
}
