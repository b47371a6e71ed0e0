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
import org.yilaoyixiao.facilities.ChildcareClassType;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** Create and edit a childcare provider and its classes on a page, with the filing rule's message at the lease. */
@Controller
@RequestMapping("/facilities/providers")
@PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
class ProviderFormController {

    private static final Set<String> FORM_FIELDS = Set.of("name", "divisionCode", "kind", "filed", "filedOn",
            "approvedSlots", "affordable", "premises", "leaseEndsOn", "completedOn", "version");

    private final ChildcareProviders providers;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;

    ProviderFormController(ChildcareProviders providers, DivisionDirectory divisions, CurrentUsers currentUsers) {
        this.providers = providers;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", ProviderForm.empty());
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") ProviderForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            ProviderRecord created = providers.create(form.toCommand(), currentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/providers/" + created.id();
        } catch (ApiException e) {
            reject(e, form, binding);
            return form(model, null);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ProviderRecord existing = providers.read(id, currentUsers.require());
        model.addAttribute("form", ProviderForm.of(existing));
        return form(model, existing);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ProviderForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        ProviderRecord existing = providers.read(id, currentUsers.require());
        try {
            providers.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.toCommand(),
                    currentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/providers/" + id;
        } catch (ApiException e) {
            reject(e, form, binding);
            return form(model, existing);
        }
    }

    private String form(Model model, ProviderRecord existing) {
        model.addAttribute("existing", existing);
        String division = model.getAttribute("form") instanceof ProviderForm f ? f.getDivisionCode() : null;
        model.addAttribute("divisionName", division == null || division.isBlank() ? null
                : divisions.find(division.strip()).map(d -> d.name()).orElse(null));
        model.addAttribute("kinds", ChildcareProviderKind.values());
        model.addAttribute("classTypes", ChildcareClassType.values());
        model.addAttribute("premisesOptions", Premises.values());
        return "facilities/provider-form";
    }

    private static void reject(ApiException e, ProviderForm form, BindingResult binding) {
        if (e.fieldProblems().isEmpty()) {
            binding.reject(e.detailKey(), e.detailArgs(), e.detailKey());
        }
        for (ApiException.FieldProblem problem : e.fieldProblems()) {
            String field = form.formField(problem.field());
            if (FORM_FIELDS.contains(field) || field.matches("classes\\[\\d+]\\.(type|capacity)")) {
                binding.rejectValue(field, problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                binding.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }
}
