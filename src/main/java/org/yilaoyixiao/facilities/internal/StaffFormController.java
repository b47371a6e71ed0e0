package org.yilaoyixiao.facilities.internal;

import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.facilities.TalentTitle;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** Register a member of staff on a page, with one certificate. */
@Controller
@RequestMapping("/facilities/staff")
@PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
class StaffFormController {

    private static final Set<String> FORM_FIELDS = Set.of("name", "role", "employer", "certificateType",
            "certificateNumber", "certificateLevel", "certificateValidUntil", "talentTitles");

    private final Staff staff;
    private final Institutions institutions;
    private final ChildcareProviders providers;
    private final CurrentUsers currentUsers;

    StaffFormController(Staff staff, Institutions institutions, ChildcareProviders providers,
                        CurrentUsers currentUsers) {
        this.staff = staff;
        this.institutions = institutions;
        this.providers = providers;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new StaffForm());
        return form(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") StaffForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            StaffRecord created = staff.create(form.toCommand(), currentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return created.institutionId() != null ? "redirect:/facilities/institutions/" + created.institutionId()
                    : "redirect:/facilities/providers/" + created.providerId();
        } catch (ApiException e) {
            for (ApiException.FieldProblem problem : e.fieldProblems()) {
                String field = StaffForm.formField(problem.field());
                if (FORM_FIELDS.contains(field)) {
                    binding.rejectValue(field, problem.messageKey(), problem.args(), problem.messageKey());
                } else {
                    binding.reject(problem.messageKey(), problem.args(), problem.messageKey());
                }
            }
            if (e.fieldProblems().isEmpty()) {
                binding.reject(e.detailKey(), e.detailArgs(), e.detailKey());
            }
            return form(model);
        }
    }

    private String form(Model model) {
        CurrentUser actor = currentUsers.require();
        PageRequest all = new PageRequest(0, PageRequest.MAX_SIZE);
        model.addAttribute("institutions", institutions.search(null, null, null, all, actor).items());
        model.addAttribute("providers", providers.search(null, null, null, all, actor).items());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("titles", TalentTitle.values());
        return "facilities/staff-form";
    }
}
