package org.yilaoyixiao.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.indicators.IndicatorPermissions;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** The indicator table as Excel in the plan's layout, and the monthly report as PDF. */
@Controller
class ExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final IndicatorBoard board;
    private final Definitions definitions;
    private final IndicatorScope scope;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final IndicatorWorkbook workbook;
    private final MonthlyReport report;

    ExportController(IndicatorBoard board, Definitions definitions, IndicatorScope scope, DivisionDirectory divisions,
                     CurrentUsers currentUsers, IndicatorWorkbook workbook, MonthlyReport report) {
        this.board = board;
        this.definitions = definitions;
        this.scope = scope;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.workbook = workbook;
        this.report = report;
    }

    @GetMapping({"/indicators/export.xlsx", "/api/v1/indicators/export.xlsx"})
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) String division,
                                 @RequestParam(required = false) Integer year, Locale locale) {
        String code = scope.division(currentUsers.require(), division);
        int y = scope.year(year);
        IndicatorBoard.YearView view = board.year(y);
        String name = divisions.find(code).orElseThrow().name();
        byte[] bytes = workbook.write(name, y, rows(view, definitions.table(), code),
                rows(view, definitions.textTargets(), code), locale);
        return download(bytes, XLSX, "监测指标-" + name + "-" + y + ".xlsx");
    }

    @GetMapping({"/indicators/report.pdf", "/api/v1/indicators/report.pdf"})
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String division,
                               @RequestParam(required = false) Integer year, Locale locale) {
        String code = scope.division(currentUsers.require(), division);
        int y = scope.year(year);
        IndicatorBoard.YearView view = board.year(y);
        String name = divisions.find(code).orElseThrow().name();
        List<IndicatorRow> table = rows(view, definitions.table(), code);
        Map<String, Long> summary = new LinkedHashMap<>();
        for (IndicatorStatus s : IndicatorStatus.values()) {
            summary.put(s.labelKey(), table.stream().filter(r -> r.status() == s).count());
        }
        summary.put("indicators.status.NONE", table.stream().filter(r -> r.status() == null).count());
        byte[] bytes = report.render(name, y, view.snapshot.period().asOf(), view.snapshot.computedAt(), table,
                rows(view, definitions.textTargets(), code), summary, locale);
        return download(bytes, MediaType.APPLICATION_PDF, "监测指标月报-" + name + "-" + view.snapshot.period().asOf()
                .toString().substring(0, 7) + ".pdf");
    }

    private static List<IndicatorRow> rows(IndicatorBoard.YearView view, List<IndicatorDefinition> list, String code) {
        return list.stream().map(d -> view.row(d, code)).toList();
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
