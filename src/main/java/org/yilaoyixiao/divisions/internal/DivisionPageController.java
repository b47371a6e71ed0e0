package org.yilaoyixiao.divisions.internal;

import java.util.List;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.yilaoyixiao.platform.api.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionPermissions;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** The division list of one's scope, and for administrators the CSV import with a line-by-line report. */
@Controller
@RequestMapping("/divisions")
class DivisionPageController {

    private final DivisionDirectory directory;
    private final DivisionImport divisionImport;
    private final DivisionRetirement retirement;
    private final CurrentUsers currentUsers;

    DivisionPageController(DivisionDirectory directory, DivisionImport divisionImport, DivisionRetirement retirement,
                           CurrentUsers currentUsers) {
        this.directory = directory;
        this.divisionImport = divisionImport;
        this.retirement = retirement;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("divisions", directory.subtree(currentUsers.require().divisionCode()));
        return "divisions/list";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('" + DivisionPermissions.MANAGE + "')")
    String importCsv(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        DivisionImportResult result = file.isEmpty()
                ? DivisionImportResult.rejected(List.of(new DivisionImportProblem(0, null, "division.import.empty")))
                : divisionImport.importCsv(file.getBytes(), "import: " + file.getOriginalFilename(), false);
        model.addAttribute("result", result);
        return "divisions/list :: import-result";
    }

    @PostMapping("/retirement")
    @PreAuthorize("hasAuthority('" + DivisionPermissions.MANAGE + "')")
    String retire(@RequestParam String code,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
                  @RequestParam(required = false) String reason, Model model) {
        try {
            if (!directory.isWithin(currentUsers.require().divisionCode(), code)) {
                throw ApiException.forbidden("division.out-of-scope", code);
            }
            retirement.retire(code, effectiveDate, reason);
            model.addAttribute("retired", code);
        } catch (ApiException e) {
            model.addAttribute("retireError", e);
        }
        return "divisions/list :: retire-result";
    }
}
