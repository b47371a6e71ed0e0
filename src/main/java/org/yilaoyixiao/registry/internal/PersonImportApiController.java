package org.yilaoyixiao.registry.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.RegistryPermissions;

@RestController
@RequestMapping("/api/v1/persons/imports")
@PreAuthorize("hasAuthority('" + RegistryPermissions.IMPORT + "')")
@Tag(name = "People registry: spreadsheet import")
class PersonImportApiController {

    private final PersonImports imports;
    private final PersonImportTemplate template;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    PersonImportApiController(PersonImports imports, PersonImportTemplate template, CurrentUsers currentUsers,
                              MessageSource messages) {
        this.imports = imports;
        this.template = template;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The empty spreadsheet to fill in, with Chinese headers and an instructions sheet")
    void template(HttpServletResponse response, Locale locale) throws IOException {
        XlsxDownload.prepare(response, "人员导入模板.xlsx");
        template.write(response.getOutputStream(), locale);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an xlsx file (part 'file'): 202 with the import, checked in the background. "
            + "Nothing is registered before POST …/{id}/confirm")
    ResponseEntity<ImportResponse> upload(@RequestParam("file") MultipartFile file, Locale locale) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.validation("file", "REQUIRED", "person-import.file.empty");
        }
        ImportState state;
        try (InputStream content = file.getInputStream()) {
            state = imports.upload(file.getOriginalFilename(), content, currentUsers.require());
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/persons/imports/" + state.id()))
                .body(response(state, locale));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status, progress and counts of one's own import")
    ImportResponse status(@PathVariable long id, Locale locale) {
        return response(imports.find(id, currentUsers.require()), locale);
    }

    @GetMapping("/{id}/problems")
    @Operation(summary = "The rows that will not be imported, with row numbers and reasons (paged)")
    PageResponse<ProblemResponse> problems(@PathVariable long id, @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size, Locale locale) {
        return imports.problems(id, PageRequest.of(page, size), currentUsers.require())
                .map(p -> new ProblemResponse(p.rowNumber(), p.outcome(), p.idNumberMasked(), p.name(),
                        p.problems().stream().map(r -> messages.getMessage(r.key(), r.arguments(), r.key(), locale))
                                .toList()));
    }

    @GetMapping("/{id}/persons")
    @Operation(summary = "The people a confirmed import created (paged; ID numbers masked)")
    PageResponse<ImportedPerson> created(@PathVariable long id, @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return imports.created(id, PageRequest.of(page, size), currentUsers.require());
    }

    @GetMapping("/{id}/report.xlsx")
    @Operation(summary = "The error report: the rows not imported with a 错误 column (audited)")
    void report(@PathVariable long id, Authentication authentication, HttpServletResponse response, Locale locale)
            throws IOException {
        ImportState state = imports.find(id, currentUsers.require());
        XlsxDownload.prepare(response, reportName(state));
        imports.writeReport(id, currentUsers.require(), ImportPermissions.mayRevealIdNumbers(authentication), locale,
                response.getOutputStream());
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Register all valid rows in one transaction; confirming again creates nothing more")
    ImportResponse confirm(@PathVariable long id, Locale locale) {
        return response(imports.confirm(id, currentUsers.require()), locale);
    }

    static String reportName(ImportState state) {
        String base = state.fileName().replaceAll("(?i)\\.xlsx$", "");
        return base + "-错误报告.xlsx";
    }

    private ImportResponse response(ImportState s, Locale locale) {
        String failure = s.failureKey() == null ? null
                : messages.getMessage(s.failureKey(), new Object[]{s.failureArg()}, s.failureKey(), locale);
        return new ImportResponse(s.id(), s.fileName(), s.status(), s.rowsRead(), s.percentRead(), s.validRows(),
                s.invalidRows(), s.duplicateRows(), s.existingRows(), s.createdRows(), s.skippedRows(), failure,
                s.uploadedAt(), s.validatedAt(), s.confirmedAt());
    }

    record ImportResponse(long id, String fileName, ImportStatus status, int rowsRead, int percent, int validRows,
                          int invalidRows, int duplicateRows, int existingRows, int createdRows, int skippedRows,
                          String failure, Instant uploadedAt, Instant validatedAt, Instant confirmedAt) {
    }

    record ProblemResponse(int rowNumber, RowOutcome outcome, String idNumberMasked, String name,
                           List<String> reasons) {
    }
}
