package org.yilaoyixiao.divisions.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.yilaoyixiao.platform.time.BusinessTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/v1/divisions")
@Tag(name = "Divisions")
class DivisionApiController {

    private final DivisionDirectory directory;
    private final DivisionImport divisionImport;
    private final DivisionRetirement retirement;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    DivisionApiController(DivisionDirectory directory, DivisionImport divisionImport, DivisionRetirement retirement,
                          CurrentUsers currentUsers, Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.divisionImport = divisionImport;
        this.retirement = retirement;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/{code}")
    @Operation(summary = "A division with its children, as of today or of the date given; only within the caller's "
            + "data scope")
    DivisionResponse get(@PathVariable String code,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate on = asOf != null ? asOf : BusinessTime.today(clock);
        Division division = directory.findAsOf(code, on)
                .orElseThrow(() -> ApiException.notFound("division.not-found", code));
        String scope = currentUsers.require().divisionCode();
        if (!directory.isWithin(scope, code)) {
            throw ApiException.forbidden("division.out-of-scope", code);
        }
        List<ChildResponse> children = directory.childrenAsOf(code, on).stream()
                .map(c -> new ChildResponse(c.code(), c.name(), c.level().name())).toList();
        return new DivisionResponse(division.code(), division.name(), division.level().name(), division.parentCode(),
                division.validFrom(), division.validTo(), division.synthetic(), children);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + DivisionPermissions.MANAGE + "')")
    @Operation(summary = "Import a division list (CSV: code,name,parentCode,level,validFrom); all or nothing")
    ImportResponse importCsv(@RequestParam("file") MultipartFile file) throws IOException {
        DivisionImportResult result = divisionImport.importCsv(file.getBytes(),
                "import: " + file.getOriginalFilename(), false);
        if (!result.applied()) {
            throw ApiException.validation(result.problems().stream().map(DivisionImportProblem::asFieldProblem).toList());
        }
        return new ImportResponse(result.created(), result.renamed(), result.unchanged());
    }

    @PostMapping("/{code}/retirement")
    @PreAuthorize("hasAuthority('" + DivisionPermissions.MANAGE + "')")
    @Operation(summary = "Retire a division from a date; its history is kept")
    ResponseEntity<Void> retire(@PathVariable String code, @RequestBody RetireRequest request) {
        retirement.retire(code, request.effectiveDate(), request.reason());
        return ResponseEntity.noContent().build();
    }

    record DivisionResponse(String code, String name, String level, String parentCode, LocalDate validFrom,
                            LocalDate validTo, boolean synthetic, List<ChildResponse> children) {
    }

    record ChildResponse(String code, String name, String level) {
    }

    record RetireRequest(LocalDate effectiveDate, String reason) {
    }

    record ImportResponse(int created, int renamed, int unchanged) {
    }
}
