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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.facilities.ProfitType;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** Create and edit an institution on a page; the same rules as the API, its field errors shown at the fields. */
@Controller
@RequestMapping("/facilities/institutions")
@PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
class InstitutionFormController {

    private static final Set<String> FORM_FIELDS = Set.of("name", "divisionCode", "operationModel", "profitType",
            "kind", "starRating", "starRatedOn", "premises", "leaseEndsOn", "openedOn", "nursingApproved",
            "nursingCognitive", "assistedApproved", "assistedCognitive", "version");

    private final Institutions institutions;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;

    InstitutionFormController(Institutions institutions, DivisionDirectory divisions, CurrentUsers currentUsers) {
        this.institutions = institutions;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new InstitutionForm());
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") InstitutionForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            InstitutionRecord created = institutions.create(form.toCommand(), currentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/institutions/" + created.id();
        } catch (ApiException e) {
            reject(e, binding);
            return form(model, null);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        InstitutionRecord existing = institutions.read(id, currentUsers.require());
        model.addAttribute("form", InstitutionForm.of(existing));
        return form(model, existing);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") InstitutionForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        InstitutionRecord existing = institutions.read(id, currentUsers.require());
        try {
            institutions.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.toCommand(),
                    currentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/institutions/" + id;
        } catch (ApiException e) {
            reject(e, binding);
            return form(model, existing);
        }
    }

    private String form(Model model, InstitutionRecord existing) {
        model.addAttribute("existing", existing);
        String division = model.getAttribute("form") instanceof InstitutionForm f ? f.getDivisionCode() : null;
        model.addAttribute("divisionName", division == null || division.isBlank() ? null
                : divisions.find(division.strip()).map(d -> d.name()).orElse(null));
        model.addAttribute("operationModels", OperationModel.values());
        model.addAttribute("profitTypes", ProfitType.values());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("premisesOptions", Premises.values());
        return "facilities/institution-form";
    }

    private static void reject(ApiException e, BindingResult binding) {
        if (e.fieldProblems().isEmpty()) {
            binding.reject(e.detailKey(), e.detailArgs(), e.detailKey());
        }
        for (ApiException.FieldProblem problem : e.fieldProblems()) {
            String field = InstitutionForm.formField(problem.field());
            if (FORM_FIELDS.contains(field)) {
                binding.rejectValue(field, problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                binding.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }
}
