package org.yilaoyixiao.planning.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yilaoyixiao.planning.PlanningPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;

/** The plan registry page: the 12 projects with progress and the exact totals, then policies, pilots, reforms. */
@Controller
class PlanPageController {

    private final Projects projects;
    private final PlanApiController api;
    private final org.springframework.context.MessageSource messages;

    PlanPageController(Projects projects, PlanApiController api, org.springframework.context.MessageSource messages) {
        this.projects = projects;
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/plan/projects")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.READ + "')")
    String projects(Model model) {
        List<Project> all = projects.all();
        model.addAttribute("projects", all);
        model.addAttribute("totals", Projects.totals(all));
        model.addAttribute("items", api.items());
        model.addAttribute("statuses", Project.Status.values());
        return "planning/projects";
    }

    /** A progress update from the page: the same checks and audit as the API; errors shown beside the form. */
    @org.springframework.web.bind.annotation.PostMapping("/plan/projects/progress")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.MANAGE + "')")
    String progress(@org.springframework.web.bind.annotation.RequestParam String code,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) Integer percentComplete,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) java.math.BigDecimal investedToDate,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) Integer bedsDelivered,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) Integer placesDelivered,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) String note,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) String attachments,
                    Model model, java.util.Locale locale,
                    org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        List<String> files = attachments == null || attachments.isBlank() ? List.of()
                : java.util.Arrays.stream(attachments.split("[,，\\n]")).map(String::strip).filter(f -> !f.isEmpty())
                .toList();
        try {
            api.progress(code, new PlanApiController.ProgressRequest(null, status, percentComplete, investedToDate,
                    bedsDelivered, placesDelivered, note, files));
        } catch (org.yilaoyixiao.platform.api.ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e; // no such project: the 404 page
            }
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (e.fieldProblems().isEmpty()) {
                errors.put("", messages.getMessage(e.detailKey(), e.detailArgs(), locale));
            }
            e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(),
                    messages.getMessage(p.messageKey(), p.args(), locale)));
            model.addAttribute("progressErrors", errors);
            model.addAttribute("progressCode", code);
            return projects(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/plan/projects";
    }

    /** A completed project's beds or places into a facility's capacity, from the page; refusals shown. */
    @org.springframework.web.bind.annotation.PostMapping("/plan/projects/capacity")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.MANAGE + "') and hasAuthority('"
            + org.yilaoyixiao.facilities.FacilitiesPermissions.MANAGE + "')")
    String capacity(@org.springframework.web.bind.annotation.RequestParam String code,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) Long facilityId,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) Long institutionId,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) Long providerId,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) String bedType,
                    Model model, java.util.Locale locale,
                    org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Project project = projects.require(code);
        boolean elderly = project.category() == Project.Category.ELDERLY;
        // the page picks an institution for an elderly-care project and a provider for a childcare one
        Long picked = elderly ? institutionId : providerId;
        if (picked == null) {
            picked = facilityId;
        }
        try {
            api.capacity(code, new PlanApiController.CapacityRequest(elderly ? picked : null,
                    elderly ? bedType : null, elderly ? null : picked));
        } catch (org.yilaoyixiao.platform.api.ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e; // no such project: the 404 page
            }
            String message = e.fieldProblems().isEmpty() ? messages.getMessage(e.detailKey(), e.detailArgs(), locale)
                    : messages.getMessage(e.fieldProblems().get(0).messageKey(), e.fieldProblems().get(0).args(), locale);
            model.addAttribute("capacityError", message);
            return projects(model);
        }
        redirect.addFlashAttribute("converted", code);
        return "redirect:/plan/projects";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class PlanningWeb {
        @Bean
        NavigationContributor planningNavigation() {
            return () -> List.of(NavigationEntry.of(NavigationArea.MONITORING, "nav.plan", "/plan/projects",
                    PlanningPermissions.READ, 20));
        }
    }
}
