package org.yilaoyixiao.subsidies.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

@RestController
@Tag(name = "Subsidy runs")
class RunApiController {

    private final SubsidyRuns runs;
    private final RunQueries queries;
    private final PaymentList paymentList;
    private final CurrentUsers currentUsers;
    private final ObjectMapper json;

    RunApiController(SubsidyRuns runs, RunQueries queries, PaymentList paymentList, CurrentUsers currentUsers,
                     ObjectMapper json) {
        this.runs = runs;
        this.queries = queries;
        this.paymentList = paymentList;
        this.currentUsers = currentUsers;
        this.json = json;
    }

    record StartRequest(String programme, String month) {
    }

    record RunResponse(long id, String programme, String month, String status, int lineCount, BigDecimal total,
                       int progress, String preparedBy, String approvedBy, Long durationMs, String failure) {
    }

    record LineResponse(long id, String kind, String forMonth, String subjectType, long subjectId, String name,
                        String idNumberMasked, String divisionCode, String townshipCode, BigDecimal amount,
                        JsonNode explanation, List<Object> parameters) {
    }

    /** The run's parameter values whose keys the line's explanation names. */
    static List<Object> parametersUsed(ObjectMapper json, String runParameters, List<?> keys) {
        List<Object> used = new java.util.ArrayList<>();
        for (Object value : json.readValue(runParameters, List.class)) {
            if (value instanceof Map<?, ?> parameter && keys.contains(parameter.get("parameter"))) {
                used.add(parameter);
            }
        }
        return used;
    }

    static RunResponse response(RunRecord r) {
        return new RunResponse(r.id(), r.programme(), r.monthText(), r.status(), r.lineCount(), r.total(),
                r.progress(), r.preparedBy(), r.approvedBy(), r.durationMs(), r.failure());
    }

    LineResponse response(RunQueries.Line l) {
        return response(l, List.of());
    }

    LineResponse response(RunQueries.Line l, List<Object> parameters) {
        return new LineResponse(l.id(), l.kind(), l.forMonth().toString().substring(0, 7), l.subjectType(),
                l.subjectId(), l.name(), l.idNumberMasked(), l.divisionCode(), l.townshipCode(), l.amount(),
                json.readTree(l.explanation()), parameters);
    }

    private RunRecord run(long id) {
        return runs.find(id).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", id));
    }

    @PostMapping("/api/v1/subsidies/runs")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PREPARE + "')")
    @Operation(summary = "Compute a programme's month (asynchronous: 202, then poll). Re-running a draft replaces its "
            + "lines; an approved month is frozen (409). The caller becomes the preparer")
    ResponseEntity<RunResponse> start(@RequestBody StartRequest request) {
        RunRecord run = runs.start(request.programme(), request.month(), currentUsers.require());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/subsidies/runs/" + run.id()))
                .body(response(run));
    }

    @GetMapping("/api/v1/subsidies/runs")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "The latest runs, newest month first")
    List<RunResponse> list() {
        return runs.recent(100).stream().map(RunApiController::response).toList();
    }

    @GetMapping("/api/v1/subsidies/runs/{id}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "A run with its status, progress (0–100), line count and total")
    RunResponse get(@PathVariable long id) {
        return response(run(id));
    }

    @GetMapping("/api/v1/subsidies/runs/{id}/lines")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "The run's lines in the caller's scope, paged, each with its explanation; filter by township "
            + "or kind (REGULAR, ARREARS, RECOVERY)")
    PageResponse<LineResponse> lines(@PathVariable long id, @RequestParam(required = false) String township,
                                     @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        run(id);
        return queries.lines(id, township, kind, PageRequest.of(page, size), currentUsers.require()).map(this::response);
    }

    @GetMapping("/api/v1/subsidies/runs/{id}/lines/{lineId}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "One line with its explanation and the parameter values (with references) it names")
    LineResponse line(@PathVariable long id, @PathVariable long lineId) {
        RunQueries.Line line = queries.line(id, lineId, currentUsers.require())
                .orElseThrow(() -> ApiException.notFound("subsidies.line.not-found", lineId));
        JsonNode explanation = json.readTree(line.explanation());
        JsonNode keys = "ADJUSTMENT".equals(explanation.path("basis").asString())
                ? explanation.path("dueExplanation").path("parameters") : explanation.path("parameters");
        List<String> names = new java.util.ArrayList<>();
        keys.forEach(k -> names.add(k.asString()));
        // an adjustment names the parameters of the month it corrects, kept with it
        String values = "ADJUSTMENT".equals(explanation.path("basis").asString())
                ? explanation.path("dueParameters").toString() : queries.parameters(id);
        return response(line, names.isEmpty() ? List.of() : parametersUsed(json, values, names));
    }

    @GetMapping("/api/v1/subsidies/runs/{id}/townships")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "Lines and totals by township")
    List<RunQueries.TownshipTotal> townships(@PathVariable long id) {
        run(id);
        return queries.townships(id, currentUsers.require());
    }

    @GetMapping("/api/v1/subsidies/runs/{id}/changes")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "Dynamic management: who newly qualifies (ADDED) and who stopped (REMOVED) against the "
            + "previous month's run, with the reason")
    Map<String, Object> changes(@PathVariable long id, @RequestParam(required = false) Integer limit) {
        run(id);
        var actor = currentUsers.require();
        return Map.of("counts", queries.changeCounts(id, actor),
                "changes", queries.changes(id, actor, limit == null ? 1000 : Math.min(limit, 10000)).stream()
                        .map(c -> Map.of("change", c.change(), "subjectType", c.subjectType(),
                                "subjectId", c.subjectId(), "name", c.name(), "townshipCode", c.townshipCode(),
                                "reason", c.reason())).toList());
    }

    @PostMapping("/api/v1/subsidies/runs/{id}/approve")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    @Operation(summary = "Approve a draft run: it is frozen from now on. The approver cannot be the preparer (403); "
            + "earlier months must be approved first (409)")
    RunResponse approve(@PathVariable long id) {
        return response(runs.approve(id, currentUsers.require()));
    }

    @GetMapping("/api/v1/subsidies/runs/{id}/payment-list.csv")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "The approved run's payment list as CSV (UTF-8), masked ID numbers; audited")
    void csv(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        RunRecord run = paymentList.approvedRun(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + paymentList.fileName(run, "csv") + "\"");
        paymentList.csv(run, currentUsers.require(), locale, response.getOutputStream());
    }

    @GetMapping("/api/v1/subsidies/runs/{id}/payment-list.xlsx")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "The approved run's payment list as Excel, masked ID numbers; audited")
    void xlsx(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        RunRecord run = paymentList.approvedRun(id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + paymentList.fileName(run, "xlsx") + "\"");
        paymentList.xlsx(run, currentUsers.require(), locale, response.getOutputStream());
    }
}
