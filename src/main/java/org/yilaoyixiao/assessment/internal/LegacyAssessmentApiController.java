package org.yilaoyixiao.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.assessment.AssessmentPermissions;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Elderly capability assessments (GB/T 42195-2022)")
class LegacyAssessmentApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LegacyAssessmentImport importer;
    private final LegacyAssessments legacy;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    LegacyAssessmentApiController(LegacyAssessmentImport importer, LegacyAssessments legacy,
                                  CurrentUsers currentUsers, MessageSource messages) {
        this.importer = importer;
        this.legacy = legacy;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/assessments/legacy-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    @Operation(summary = "Import MZ/T 039-2013 results (xlsx, xls or CSV in the template's layout) as history, all or "
            + "nothing: 200 with the counts, or 400 with every problem by row and column and nothing stored. A result "
            + "already stored (same person and date) is skipped. They keep their scheme and level and never give a "
            + "GB/T 42195-2022 level")
    ResponseEntity<ImportResponse> upload(@RequestParam("file") MultipartFile file, Locale locale) throws IOException {
        LegacyAssessmentImport.Result result = importer.run(file.getOriginalFilename(), file.getBytes(),
                currentUsers.require());
        ImportResponse body = new ImportResponse(result.fileName(), result.rows(), result.imported(),
                result.alreadyPresent(), result.problems().stream().map(p -> new ProblemResponse(p.row(), p.column(),
                        messages.getMessage(p.messageKey(), p.args(), locale))).toList());
        return result.accepted() ? ResponseEntity.ok(body) : ResponseEntity.badRequest().body(body);
    }

    @GetMapping("/api/v1/assessments/legacy-imports/template")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    @Operation(summary = "The xlsx template for MZ/T 039-2013 results, with a sheet explaining each column")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("历史评估结果导入模板-MZT039-2013.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(LegacySheetTemplate.xlsx());
    }

    @GetMapping("/api/v1/persons/{personId}/legacy-assessments")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    @Operation(summary = "A person's imported MZ/T 039-2013 results, newest first, each in its own scheme and level (0–3)")
    List<LegacyResponse> history(@PathVariable long personId) {
        return legacy.history(personId, currentUsers.require()).stream().map(l -> new LegacyResponse(l.id(),
                l.personId(), l.scheme(), l.assessedOn(), l.level().number(), l.level().nameZh(), l.adlScore(),
                l.mentalLevel(), l.perceptionLevel(), l.socialLevel(), l.assessedBy(), l.note(), l.sourceFile(),
                l.sourceRow())).toList();
    }

    record ImportResponse(String fileName, int rows, int imported, int alreadyPresent, List<ProblemResponse> problems) {
    }

    record ProblemResponse(int row, String column, String message) {
    }

    record LegacyResponse(long id, long personId, String scheme, LocalDate assessedOn, int level, String levelName,
                          Integer adlScore, Integer mentalLevel, Integer perceptionLevel, Integer socialLevel,
                          String assessedBy, String note, String sourceFile, int sourceRow) {
    }
}
