package org.yilaoyixiao.facilities.internal;

import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.format.annotation.DateTimeFormat;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.facilities.TalentTitle;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** Register a member of staff on a page, with one certificate. */
@Controller
@RequestMapping("/facilities/staff")
@PreAuthorize("hasAnyAuthority('" + FacilitiesPermissions.MANAGE + "', '" + FacilitiesPermissions.MANAGE_OWN + "')")
class StaffFormController {

    private static final Set<String> FORM_FIELDS = Set.of("name", "role", "employer", "certificateType",
            "certificateNumber", "certificateLevel", "certificateValidUntil", "talentTitles");

    private final Staff staff;
    private final CurrentUsers currentUsers;
    private final FacilityNames names;

    private final InstitutionOperators operators;

    StaffFormController(Staff staff, CurrentUsers currentUsers, FacilityNames names, InstitutionOperators operators) {
        this.operators = operators;
        this.names = names;
        this.staff = staff;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        StaffForm form = new StaffForm();
        // an operator registers staff of their own institution: the employer is chosen for them
        operators.confinement(currentUsers.require()).filter(id -> id != InstitutionOperators.NONE)
                .ifPresent(form::setInstitutionId);
        model.addAttribute("form", form);
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

    @GetMapping("/{id}/certificates/{certificateId}/renew")
    String renewForm(@PathVariable long id, @PathVariable long certificateId, Model model) {
        StaffRecord member = staff.read(id, currentUsers.require());
        model.addAttribute("member", member);
        model.addAttribute("certificate", staff.certificate(member, certificateId));
        model.addAttribute("employer", member.institutionId() != null ? names.institution(member.institutionId())
                : names.provider(member.providerId()));
        return "facilities/certificate-renewal";
    }

    @PostMapping("/{id}/certificates/{certificateId}/renew")
    String renew(@PathVariable long id, @PathVariable long certificateId,
                 @RequestParam(required = false) String number,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                 Model model, RedirectAttributes redirect) {
        try {
            staff.renew(id, certificateId, number, validUntil, currentUsers.require());
            redirect.addFlashAttribute("renewed", true);
            return "redirect:/facilities/staff?expiring=true";
        } catch (ApiException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            model.addAttribute("problems", e.fieldProblems());
            model.addAttribute("number", number);
            model.addAttribute("validUntil", validUntil);
            return renewForm(id, certificateId, model);
        }
    }

    private String form(Model model) {
        if (model.getAttribute("form") instanceof StaffForm form) {
            model.addAttribute("institutionName", names.institution(form.getInstitutionId()));
            model.addAttribute("providerName", names.provider(form.getProviderId()));
        }
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("titles", TalentTitle.values());
        return "facilities/staff-form";
    }
}
