package org.yilaoyixiao.registry.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.RegistryPermissions;

/**
 * The import wizard: 1 download the template and upload, 2 watch the progress (htmx polls every second) and read the
 * report, 3 confirm and see who was registered.
 */
@Controller
@RequestMapping("/persons/import")
@PreAuthorize("hasAuthority('" + RegistryPermissions.IMPORT + "')")
class PersonImportPageController {

    /** Problem rows and created people per page of the wizard. */
    static final int PAGE_SIZE = 100;

    private final PersonImports imports;
    private final PersonImportTemplate template;
    private final PersonImportReport report;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    PersonImportPageController(PersonImports imports, PersonImportTemplate template, PersonImportReport report,
                               DivisionDirectory divisions, CurrentUsers currentUsers, MessageSource messages) {
        this.imports = imports;
        this.template = template;
        this.report = report;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String start(Model model) {
        model.addAttribute("step", 1);
        return "registry/import";
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response, Locale locale) throws IOException {
        XlsxDownload.prepare(response, "人员导入模板.xlsx");
        template.write(response.getOutputStream(), locale);
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            return uploadRefused("person-import.file.empty", model, response);
        }
        try (InputStream content = file.getInputStream()) {
            ImportState state = imports.upload(file.getOriginalFilename(), content, currentUsers.require());
            return "redirect:/persons/import/" + state.id();
        } catch (ApiException refused) {
            return uploadRefused(refused.fieldProblems().isEmpty() ? refused.detailKey()
                    : refused.fieldProblems().get(0).messageKey(), model, response);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "0") int createdPage, Model model, Locale locale) {
        fill(model, id, page, createdPage, locale);
        return "registry/import";
    }

    /** The part of the page that changes: polled while validating, then the report or the result. */
    @GetMapping("/{id}/status")
    String status(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "0") int createdPage, Model model, Locale locale) {
        fill(model, id, page, createdPage, locale);
        return "registry/import :: status";
    }

    @GetMapping("/{id}/report.xlsx")
    void report(@PathVariable long id, Authentication authentication, HttpServletResponse response, Locale locale)
            throws IOException {
        CurrentUser actor = currentUsers.require();
        ImportState state = imports.find(id, actor);
        XlsxDownload.prepare(response, PersonImportApiController.reportName(state));
        imports.writeReport(id, actor, ImportPermissions.mayRevealIdNumbers(authentication), locale,
                response.getOutputStream());
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        try {
            imports.confirm(id, currentUsers.require());
        } catch (ApiException refused) {
            if (refused.code() == ProblemCode.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("confirmError", refused.detailKey());
        }
        return "redirect:/persons/import/" + id;
    }

    /** Not one's own import, or none: the error page says so (404), like any page that does not exist. */
    @ExceptionHandler(ApiException.class)
    void refused(ApiException e, HttpServletResponse response) throws IOException {
        response.sendError(e.code().status().value());
    }

    private String uploadRefused(String messageKey, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("step", 1);
        model.addAttribute("uploadError", messageKey);
        return "registry/import";
    }

    private void fill(Model model, long id, int page, int createdPage, Locale locale) {
        CurrentUser actor = currentUsers.require();
        ImportState state = imports.find(id, actor);
        model.addAttribute("importState", state);
        model.addAttribute("step", state.status() == ImportStatus.COMMITTED ? 3 : 2);
        if (state.failureKey() != null) {
            model.addAttribute("failure", messages.getMessage(state.failureKey(), new Object[]{state.failureArg()},
                    state.failureKey(), locale));
        }
        if (state.status() == ImportStatus.VALIDATED || state.status() == ImportStatus.COMMITTED) {
            PageResponse<StagedProblem> problems = imports.problems(id, new PageRequest(Math.max(0, page), PAGE_SIZE),
                    actor);
            model.addAttribute("problems", problems.map(p -> new ProblemLine(p.rowNumber(), p.outcome().labelKey(),
                    p.idNumberMasked(), p.name(), p.residence(), report.reasonList(p.problems(), locale))));
        }
        if (state.status() == ImportStatus.COMMITTED) {
            model.addAttribute("created", imports.created(id, new PageRequest(Math.max(0, createdPage), PAGE_SIZE),
                    actor));
            Map<String, String> names = new HashMap<>();
            for (Division d : divisions.subtree(actor.divisionCode())) {
                names.put(d.code(), d.name());
            }
            model.addAttribute("divisionNames", names);
        }
        model.addAttribute("page", page);
        model.addAttribute("createdPage", createdPage);
    }

    /** A problem row as the wizard lists it, the reasons already in the reader's language. */
    record ProblemLine(int rowNumber, String outcomeKey, String idNumberMasked, String name, String residence,
                       String reasons) {
    }
}
