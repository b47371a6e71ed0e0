package org.yilaoyixiao.facilities.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.CareCentreKind;
import org.yilaoyixiao.facilities.CommunityService;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** Register a community facility on a page. */
@Controller
@RequestMapping("/facilities/care-centres")
@PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
class CareCentreFormController {

    private final CareCentres centres;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;

    CareCentreFormController(CareCentres centres, DivisionDirectory divisions, CurrentUsers currentUsers) {
        this.centres = centres;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
    }

    /** The form's fields; services as the checked boxes. */
    public static class CareCentreForm {
        private String name;
        private String divisionCode;
        private String kind;
        private List<String> services = new ArrayList<>();
        private String openingHours;

        CareCentres.Command toCommand() {
            return new CareCentres.Command(name, divisionCode, kind, services, openingHours);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDivisionCode() { return divisionCode; }
        public void setDivisionCode(String divisionCode) { this.divisionCode = divisionCode; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public List<String> getServices() { return services; }
        public void setServices(List<String> services) { this.services = services; }
        public String getOpeningHours() { return openingHours; }
        public void setOpeningHours(String openingHours) { this.openingHours = openingHours; }
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new CareCentreForm());
        return form(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") CareCentreForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            CareCentreRecord created = centres.create(form.toCommand(), currentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/care-centres?division=" + created.divisionCode();
        } catch (ApiException e) {
            if (e.fieldProblems().isEmpty()) {
                binding.reject(e.detailKey(), e.detailArgs(), e.detailKey());
            }
            e.fieldProblems().forEach(p -> binding.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
            return form(model);
        }
    }

    private String form(Model model) {
        String division = model.getAttribute("form") instanceof CareCentreForm f ? f.getDivisionCode() : null;
        model.addAttribute("divisionName", division == null || division.isBlank() ? null
                : divisions.find(division.strip()).map(d -> d.name()).orElse(null));
        model.addAttribute("kinds", CareCentreKind.values());
        model.addAttribute("services", CommunityService.values());
        return "facilities/care-centre-form";
    }
}
