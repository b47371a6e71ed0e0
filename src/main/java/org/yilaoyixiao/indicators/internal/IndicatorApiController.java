package org.yilaoyixiao.indicators.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.indicators.IndicatorPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Plan indicators (监测指标)")
class IndicatorApiController {

    private final IndicatorBoard board;
    private final Definitions definitions;
    private final IndicatorScope scope;
    private final StatisticsInputs statistics;
    private final ReportedValues reports;
    private final CurrentUsers currentUsers;

    IndicatorApiController(IndicatorBoard board, Definitions definitions, IndicatorScope scope,
                           StatisticsInputs statistics, ReportedValues reports, CurrentUsers currentUsers) {
        this.board = board;
        this.definitions = definitions;
        this.scope = scope;
        this.statistics = statistics;
        this.reports = reports;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/indicators")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    @Operation(summary = "The plan's 19 indicators for a division (default: the caller's scope) and year (default: "
            + "the running one), in the table's order: baseline, target, actual (COMPUTED from platform data with "
            + "numerator and denominator, or REPORTED by the responsible unit), gap and status")
    List<IndicatorResponse> indicators(@RequestParam(required = false) String division,
                                       @RequestParam(required = false) Integer year) {
        CurrentUser user = currentUsers.require();
        String code = scope.division(user, division);
        return board.table(code, scope.year(year)).stream().map(IndicatorApiController::response).toList();
    }

    @GetMapping("/api/v1/indicators/text-targets")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    @Operation(summary = "The targets the plan states only in its text (township childcare coverage ≥ 50 %, "
            + "cognitive beds per 10,000 elders ≥ 20, …), same shape as the table's indicators")
    List<IndicatorResponse> textTargets(@RequestParam(required = false) String division,
                                        @RequestParam(required = false) Integer year) {
        CurrentUser user = currentUsers.require();
        String code = scope.division(user, division);
        return board.textTargets(code, scope.year(year)).stream().map(IndicatorApiController::response).toList();
    }

    @PutMapping("/api/v1/statistics/{divisionCode}/{year}")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.REPORT + "')")
    @Operation(summary = "Enter a division's statistics for a year (resident population, population 60+, births, "
            + "optionally provincial averages by indicator code and the source); replaces the previous figures; audited")
    StatisticsResponse putStatistics(@PathVariable String divisionCode, @PathVariable int year,
                                     @RequestBody StatisticsRequest request) {
        CurrentUser user = currentUsers.require();
        String code = scope.division(user, divisionCode);
        int y = scope.year(year);
        FieldProblems problems = new FieldProblems();
        problems.positive("residentPopulation", request.residentPopulation(), true);
        problems.positive("population60Plus", request.population60Plus(), false);
        problems.positive("births", request.births(), false);
        if (request.residentPopulation() != null && request.population60Plus() != null
                && request.population60Plus() > request.residentPopulation()) {
            problems.add("population60Plus", "TOO_LARGE", "indicators.statistics.sixty-plus-too-large");
        }
        if (request.provincialAverages() != null) {
            request.provincialAverages().forEach((indicator, value) -> {
                if (definitions.find(indicator).isEmpty()) {
                    problems.add("provincialAverages." + indicator, "UNKNOWN", "indicators.code.unknown");
                } else if (value == null || value.signum() < 0) {
                    problems.add("provincialAverages." + indicator, "INVALID", "indicators.value.invalid");
                }
            });
        }
        problems.throwIfAny();
        String source = request.source() == null || request.source().isBlank() ? "录入：" + user.displayName()
                : request.source().strip();
        StatisticsInputs.Input saved = statistics.put(code, y, request.residentPopulation(),
                request.population60Plus(), request.births(), source, user.username());
        if (request.provincialAverages() != null) {
            request.provincialAverages().forEach((indicator, value) ->
                    statistics.putProvincialAverage(indicator, y, value, source, user.username()));
        }
        return new StatisticsResponse(saved.divisionCode(), saved.year(), saved.residentPopulation(),
                saved.population60Plus(), saved.births(), saved.source(), saved.enteredBy(), saved.enteredAt(),
                statistics.provincialAverages(y));
    }

    @GetMapping("/api/v1/statistics/{divisionCode}/{year}")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    @Operation(summary = "A division's statistics for a year as entered, with source and who entered them")
    StatisticsResponse statistics(@PathVariable String divisionCode, @PathVariable int year) {
        String code = scope.division(currentUsers.require(), divisionCode);
        StatisticsInputs.Input input = statistics.find(code, year)
                .orElseThrow(() -> ApiException.notFound("indicators.statistics.not-found", code, String.valueOf(year)));
        return new StatisticsResponse(input.divisionCode(), input.year(), input.residentPopulation(),
                input.population60Plus(), input.births(), input.source(), input.enteredBy(), input.enteredAt(),
                statistics.provincialAverages(year));
    }

    @PostMapping("/api/v1/indicators/{code}/reports")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.REPORT + "')")
    @Operation(summary = "Report the value of a REPORTED indicator for a division and year, with evidence; audited. "
            + "A COMPUTED indicator answers 409 CONFLICT: its value comes from the platform's data")
    ResponseEntity<ReportResponse> report(@PathVariable String code, @RequestBody ReportRequest request) {
        CurrentUser user = currentUsers.require();
        IndicatorDefinition definition = definitions.find(code)
                .orElseThrow(() -> ApiException.notFound("indicators.code.not-found", code));
        if (board.isComputed(code)) {
            throw ApiException.conflict("indicators.report.computed", code);
        }
        FieldProblems problems = new FieldProblems();
        if (request.divisionCode() == null || request.divisionCode().isBlank()) {
            problems.add("divisionCode", "REQUIRED", "indicators.division.required");
        }
        if (request.year() == null) {
            problems.add("year", "REQUIRED", "indicators.year.required");
        }
        if (request.value() == null || request.value().signum() < 0
                || (!definition.isCount() && definition.scale() == 100
                && request.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add("value", "INVALID", "indicators.value.invalid");
        }
        if (request.evidence() == null || request.evidence().isBlank() || request.evidence().length() > 1000) {
            problems.add("evidence", "REQUIRED", "indicators.evidence.required");
        }
        problems.throwIfAny();
        String division = scope.division(user, request.divisionCode());
        int year = scope.year(request.year());
        ReportedValues.Reported saved = reports.report(code, division, year,
                request.value().setScale(2, java.math.RoundingMode.HALF_UP), request.evidence().strip(),
                user.username());
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + code + "/reports/" + saved.id()))
                .body(new ReportResponse(saved.id(), saved.code(), saved.divisionCode(), saved.year(), saved.value(),
                        saved.evidence(), saved.reportedBy(), saved.reportedAt()));
    }

    @GetMapping("/api/v1/indicators/{code}/reports")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    @Operation(summary = "The reported values of an indicator for a division, newest first (history kept)")
    List<ReportResponse> reports(@PathVariable String code, @RequestParam(required = false) String division) {
        String d = scope.division(currentUsers.require(), division);
        return reports.history(code, d).stream().map(r -> new ReportResponse(r.id(), r.code(), r.divisionCode(),
                r.year(), r.value(), r.evidence(), r.reportedBy(), r.reportedAt())).toList();
    }

    @GetMapping("/api/v1/indicators/{code}/trend")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    @Operation(summary = "One indicator for a division from the 2022 baseline year to the running year: actual, the "
            + "straight path's value for that year, gap and status")
    List<TrendPoint> trend(@PathVariable String code, @RequestParam(required = false) String division) {
        String d = scope.division(currentUsers.require(), division);
        IndicatorDefinition definition = definitions.find(code)
                .orElseThrow(() -> ApiException.notFound("indicators.code.not-found", code));
        return board.trend(definition, d, board.currentYear()).stream().map(r -> new TrendPoint(r.year(), r.actual(),
                r.source().name(), r.numerator(), r.denominator(), r.expected(), r.gap(),
                r.status() == null ? null : r.status().name())).toList();
    }

    record TrendPoint(int year, BigDecimal value, String source, Long numerator, Long denominator,
                      BigDecimal expectedOnPath, BigDecimal gap, String status) {
    }

    static IndicatorResponse response(IndicatorRow row) {
        IndicatorDefinition d = row.definition();
        boolean english = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
        List<VariantResponse> variants = new ArrayList<>();
        d.variants().forEach(v -> variants.add(new VariantResponse(v.field(), v.value(), v.source(), v.note())));
        return new IndicatorResponse(d.code(), english ? d.nameEn() : d.nameZh(), d.unit(), d.attribute(),
                d.responsibleUnits(),
                new Baseline(d.baselineYear(), d.baselineValue(), d.baselineComparator(), d.baselineSource()),
                new Target(d.targetYear(), row.target(), d.targetComparator().name(), d.targetSource()),
                new Actual(row.actual(), row.source().name(), row.numerator(), row.denominator(), row.asOf(),
                        row.source() == IndicatorRow.Source.COMPUTED ? row.computedAt()
                                : row.reported() == null ? null : row.reported().reportedAt(),
                        row.source() == IndicatorRow.Source.COMPUTED ? d.numeratorDefinition() : null,
                        row.source() == IndicatorRow.Source.COMPUTED ? d.denominatorDefinition() : null,
                        row.reported() == null ? null : row.reported().reportedBy(),
                        row.reported() == null ? null : row.reported().evidence(),
                        row.source() == IndicatorRow.Source.REPORTED ? d.computedLaterBy() : null),
                row.expected(), row.gap(), row.status() == null ? null : row.status().name(), variants);
    }

    record IndicatorResponse(String code, String name, String unit, String attribute, String responsibleUnits,
                             Baseline baseline, Target target, Actual actual, BigDecimal expectedOnPath,
                             BigDecimal gap, String status, List<VariantResponse> variants) {
    }

    record Baseline(Integer year, BigDecimal value, String comparator, String source) {
    }

    record Target(int year, BigDecimal value, String comparator, String source) {
    }

    record Actual(BigDecimal value, String source, Long numerator, Long denominator, LocalDate asOf, Instant at,
                  String numeratorDefinition, String denominatorDefinition, String reportedBy, String evidence,
                  String computedLaterBy) {
    }

    record VariantResponse(String field, BigDecimal value, String source, String note) {
    }

    record StatisticsRequest(Integer residentPopulation, Integer population60Plus, Integer births, String source,
                             Map<String, BigDecimal> provincialAverages) {
    }

    record StatisticsResponse(String divisionCode, int year, Integer residentPopulation, Integer population60Plus,
                              Integer births, String source, String enteredBy, Instant enteredAt,
                              Map<String, BigDecimal> provincialAverages) {
    }

    record ReportRequest(String divisionCode, Integer year, BigDecimal value, String evidence) {
    }

    record ReportResponse(long id, String code, String divisionCode, int year, BigDecimal value, String evidence,
                          String reportedBy, Instant reportedAt) {
    }

    /** Every problem of a request at once. */
    static final class FieldProblems {
        private final List<ApiException.FieldProblem> problems = new ArrayList<>();

        void add(String field, String code, String key, Object... args) {
            problems.add(new ApiException.FieldProblem(field, code, key, args));
        }

        void positive(String field, Integer value, boolean required) {
            if (value == null) {
                if (required) {
                    add(field, "REQUIRED", "indicators.statistics." + field + ".required");
                }
            } else if (value < 0 || (value == 0 && field.equals("residentPopulation"))) {
                add(field, "INVALID", "indicators.statistics.number.invalid");
            }
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw ApiException.validation(problems);
            }
        }
    }
}
