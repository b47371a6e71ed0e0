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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.divisions.DivisionPermissions;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** The division list of one's scope, and for administrators the CSV import with a line-by-line report. */
@Controller
@RequestMapping("/divisions")
class DivisionPageController {

    static final int PAGE_SIZE = 50;

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

    /**
     * The divisions of one's scope in tree order, filtered by name or code, level and the division they lie in
     * (picked by name), a page of {@value #PAGE_SIZE} with a total; each with its level and parent in words.
     */
    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) DivisionLevel level,
                @RequestParam(required = false) String within, @RequestParam(required = false) Integer page,
                Model model) {
        String scope = currentUsers.require().divisionCode();
        PageRequest request = PageRequest.of(page, PAGE_SIZE);
        List<Division> all = directory.subtree(scope);
        Map<String, Division> byCode = new HashMap<>();
        all.forEach(d -> byCode.put(d.code(), d));
        String root = within == null || within.isBlank() ? null : within.strip();
        if (root != null && !byCode.containsKey(root)) {
            throw ApiException.validation("within", "UNKNOWN", "divisions.filter.within.unknown");
        }
        Set<String> under = root == null ? null : directory.subtreeCodes(root);
        String text = q == null || q.isBlank() ? null : q.strip();
        List<Division> matching = all.stream()
                .filter(d -> level == null || d.level() == level)
                .filter(d -> under == null || under.contains(d.code()))
                .filter(d -> text == null || d.name().contains(text) || d.code().startsWith(text))
                .toList();
        int from = (int) Math.min(matching.size(), request.offset());
        PageResponse<Division> shown = new PageResponse<>(matching.subList(from,
                Math.min(matching.size(), from + request.size())), request.page(), request.size(), matching.size());
        model.addAttribute("divisions", shown);
        model.addAttribute("pager", Pager.of(shown));
        model.addAttribute("parents", byCode);
        model.addAttribute("q", text);
        model.addAttribute("level", level);
        model.addAttribute("levels", DivisionLevel.values());
        model.addAttribute("within", root);
        model.addAttribute("withinName", root == null ? null : byCode.get(root).name());
        model.addAttribute("columns", DivisionCsvFormat.HEADER_NAMES);
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
    String retire(@RequestParam(required = false) String code,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
                  @RequestParam(required = false) String reason, Model model) {
        try {
            if (code == null || code.isBlank()) {
                throw ApiException.validation("code", "REQUIRED", "divisions.retire.code.required");
            }
            if (!directory.isWithin(currentUsers.require().divisionCode(), code)) {
                throw ApiException.forbidden("division.out-of-scope", code);
            }
            retirement.retire(code, effectiveDate, reason);
            model.addAttribute("retired", code);
            model.addAttribute("retiredName", directory.findAsOf(code, effectiveDate.minusDays(1))
                    .map(Division::name).orElse(code));
        } catch (ApiException e) {
            model.addAttribute("retireError", e);
        }
        return "divisions/list :: retire-result";
    }
}
