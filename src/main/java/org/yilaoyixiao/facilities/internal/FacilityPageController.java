package org.yilaoyixiao.facilities.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.FacilityOccupancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.CareCentreKind;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.CommunityService;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** The facilities' list and detail pages; every list is limited to the user's scope and filtered by division. */
@Controller
@RequestMapping("/facilities")
@PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
class FacilityPageController {

    private final ObjectProvider<FacilityOccupancy> occupancyProvider;

    /** Certificates expiring within this many days are highlighted on the staff page. */
    static final int EXPIRING_SOON_DAYS = 30;
    private static final int PAGE_SIZE = 50;

    private final Institutions institutions;
    private final CareCentres centres;
    private final ChildcareProviders providers;
    private final Staff staff;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;

    FacilityPageController(Institutions institutions, CareCentres centres, ChildcareProviders providers, Staff staff,
                           DivisionDirectory divisions, CurrentUsers currentUsers,
                           ObjectProvider<FacilityOccupancy> occupancyProvider) {
        this.occupancyProvider = occupancyProvider;
        this.institutions = institutions;
        this.centres = centres;
        this.providers = providers;
        this.staff = staff;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/institutions")
    String institutions(@RequestParam(required = false) String division,
                        @RequestParam(required = false) OperationModel operationModel,
                        @RequestParam(required = false) InstitutionKind kind,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("institutions", institutions.search(division, operationModel, kind, page(page), actor));
        model.addAttribute("operationModels", OperationModel.values());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("operationModel", operationModel);
        model.addAttribute("kind", kind);
        pageBase(model, "/facilities/institutions", "division", division, "operationModel", operationModel, "kind", kind);
        return common(model, actor, division, "institutions", "facilities/institutions");
    }

    @GetMapping("/institutions/{id}")
    String institution(@PathVariable long id, Model model) {
        CurrentUser actor = currentUsers.require();
        InstitutionRecord institution = institutions.read(id, actor);
        model.addAttribute("institution", institution);
        FacilityOccupancy occupancy = occupancy();
        Map<BedType, Integer> inUse = new EnumMap<>(BedType.class);
        for (BedType type : BedType.values()) {
            inUse.put(type, occupancy.residents(id, type));
        }
        model.addAttribute("bedsInUse", inUse);
        model.addAttribute("familyBeds", occupancy.supervisedFamilyBeds(id));
        model.addAttribute("staff", staff.search(null, null, id, null, null, new PageRequest(0, 200), actor));
        model.addAttribute("today", staff.today());
        return common(model, actor, null, "institutions", "facilities/institution");
    }

    @GetMapping("/care-centres")
    String careCentres(@RequestParam(required = false) String division,
                       @RequestParam(required = false) CareCentreKind kind,
                       @RequestParam(required = false) CommunityService service,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("centres", centres.search(division, kind, service, page(page), actor));
        model.addAttribute("kinds", CareCentreKind.values());
        model.addAttribute("services", CommunityService.values());
        model.addAttribute("kind", kind);
        model.addAttribute("service", service);
        pageBase(model, "/facilities/care-centres", "division", division, "kind", kind, "service", service);
        return common(model, actor, division, "care-centres", "facilities/care-centres");
    }

    @GetMapping("/providers")
    String providers(@RequestParam(required = false) String division,
                     @RequestParam(required = false) ChildcareProviderKind kind,
                     @RequestParam(required = false) Boolean filed,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("providers", providers.search(division, kind, filed, page(page), actor));
        model.addAttribute("kinds", ChildcareProviderKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("filed", filed);
        pageBase(model, "/facilities/providers", "division", division, "kind", kind, "filed", filed);
        return common(model, actor, division, "providers", "facilities/providers");
    }

    @GetMapping("/providers/{id}")
    String provider(@PathVariable long id, Model model) {
        CurrentUser actor = currentUsers.require();
        ProviderRecord provider = providers.read(id, actor);
        model.addAttribute("provider", provider);
        FacilityOccupancy occupancy = occupancy();
        Map<Long, Integer> enrolled = new HashMap<>();
        provider.classes().forEach(c -> enrolled.put(c.id(), occupancy.enrolledInClass(c.id())));
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("staff", staff.search(null, null, null, id, null, new PageRequest(0, 200), actor));
        model.addAttribute("today", staff.today());
        return common(model, actor, null, "providers", "facilities/provider");
    }

    @GetMapping("/staff")
    String staff(@RequestParam(required = false) String division, @RequestParam(required = false) StaffRole role,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("staff", staff.search(division, role, null, null, null, page(page), actor));
        model.addAttribute("expiring", staff.expiring(division, EXPIRING_SOON_DAYS, actor));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("role", role);
        model.addAttribute("today", staff.today());
        model.addAttribute("soon", staff.today().plusDays(EXPIRING_SOON_DAYS));
        model.addAttribute("expiringDays", EXPIRING_SOON_DAYS);
        pageBase(model, "/facilities/staff", "division", division, "role", role);
        return common(model, actor, division, "staff", "facilities/staff");
    }

    /** The list's address with its filters, so that paging keeps them; pairs of name and value, nulls left out. */
    private static void pageBase(Model model, String path, Object... filters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < filters.length; i += 2) {
            Object value = filters[i + 1];
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam((String) filters[i], value);
            }
        }
        model.addAttribute("pageBase", uri.encode().build().toUriString());
    }

    private static PageRequest page(int page) {
        return new PageRequest(Math.max(page, 0), PAGE_SIZE);
    }

    private String common(Model model, CurrentUser actor, String division, String tab, String view) {
        List<Division> options = divisions.subtree(actor.divisionCode());
        Map<String, String> names = options.stream().collect(Collectors.toMap(Division::code, Division::name, (a, b) -> a));
        model.addAttribute("divisionOptions", options);
        model.addAttribute("divisionNames", names);
        model.addAttribute("division", division);
        model.addAttribute("tab", tab);
        return view;
    }

    /** The placement module's occupancy, or nobody placed anywhere when no module provides it. */
    private FacilityOccupancy occupancy() {
        return occupancyProvider.getIfAvailable(() -> EMPTY);
    }

    private static final FacilityOccupancy EMPTY = new FacilityOccupancy() {
        @Override
        public int residents(long institutionId, BedType type) {
            return 0;
        }

        @Override
        public int supervisedFamilyBeds(long institutionId) {
            return 0;
        }

        @Override
        public int enrolledInClass(long classId) {
            return 0;
        }
    };
}
