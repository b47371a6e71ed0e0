package org.yilaoyixiao.facilities.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.FacilityOccupancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final FacilityNames names;
    private final InstitutionOperators operators;

    FacilityPageController(InstitutionOperators operators, Institutions institutions, CareCentres centres, ChildcareProviders providers, Staff staff,
                           DivisionDirectory divisions, CurrentUsers currentUsers,
                           ObjectProvider<FacilityOccupancy> occupancyProvider, FacilityNames names) {
        this.names = names;
        this.operators = operators;
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
        var results = institutions.search(division, operationModel, kind, page(page), actor);
        model.addAttribute("institutions", results);
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("operationModels", OperationModel.values());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("operationModel", operationModel);
        model.addAttribute("kind", kind);
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
        model.addAttribute("operators", operators.of(id));
        model.addAttribute("ownInstitution", InstitutionOperators.confined(actor));
        model.addAttribute("expiringCount", staff.expiringSoon(null, null, id, null, EXPIRING_SOON_DAYS,
                new PageRequest(0, 1), actor).totalElements());
        return common(model, actor, null, "institutions", "facilities/institution");
    }

    @GetMapping("/care-centres")
    String careCentres(@RequestParam(required = false) String division,
                       @RequestParam(required = false) CareCentreKind kind,
                       @RequestParam(required = false) CommunityService service,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        var results = centres.search(division, kind, service, page(page), actor);
        model.addAttribute("centres", results);
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("kinds", CareCentreKind.values());
        model.addAttribute("services", CommunityService.values());
        model.addAttribute("kind", kind);
        model.addAttribute("service", service);
        return common(model, actor, division, "care-centres", "facilities/care-centres");
    }

    @GetMapping("/providers")
    String providers(@RequestParam(required = false) String division,
                     @RequestParam(required = false) ChildcareProviderKind kind,
                     @RequestParam(required = false) Boolean filed,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        var results = providers.search(division, kind, filed, page(page), actor);
        model.addAttribute("providers", results);
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("kinds", ChildcareProviderKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("filed", filed);
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
                 @RequestParam(required = false) Long institutionId, @RequestParam(required = false) Long providerId,
                 @RequestParam(defaultValue = "false") boolean expiring,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        var results = expiring
                ? staff.expiringSoon(division, role, institutionId, providerId, EXPIRING_SOON_DAYS, page(page), actor)
                : staff.search(division, role, institutionId, providerId, null, page(page), actor);
        model.addAttribute("staff", results);
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("employers", employers(results.items()));
        model.addAttribute("expiringCount", staff.countExpiring(EXPIRING_SOON_DAYS, actor));
        model.addAttribute("expiring", expiring);
        model.addAttribute("institutionId", institutionId);
        model.addAttribute("institutionName", names.institution(institutionId));
        model.addAttribute("providerId", providerId);
        model.addAttribute("providerName", names.provider(providerId));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("role", role);
        model.addAttribute("today", staff.today());
        model.addAttribute("soon", staff.today().plusDays(EXPIRING_SOON_DAYS));
        model.addAttribute("expiringDays", EXPIRING_SOON_DAYS);
        return common(model, actor, division, "staff", "facilities/staff");
    }

    /** Each member's employer by name: "青田县示例颐养院1号". */
    private Map<Long, String> employers(List<StaffRecord> members) {
        Map<Long, String> institutionNames = names.institutions(members.stream().map(StaffRecord::institutionId)
                .toList());
        Map<Long, String> providerNames = names.providers(members.stream().map(StaffRecord::providerId).toList());
        Map<Long, String> employers = new HashMap<>();
        for (StaffRecord member : members) {
            String name = member.institutionId() != null ? institutionNames.get(member.institutionId())
                    : providerNames.get(member.providerId());
            employers.put(member.id(), name == null ? "" : name);
        }
        return employers;
    }

    private static PageRequest page(int page) {
        return new PageRequest(Math.max(page, 0), PAGE_SIZE);
    }

    private String common(Model model, CurrentUser actor, String division, String tab, String view) {
        List<Division> options = divisions.subtree(actor.divisionCode());
        Map<String, String> divisionNames = options.stream()
                .collect(Collectors.toMap(Division::code, Division::name, (a, b) -> a));
        model.addAttribute("divisionNames", divisionNames);
        model.addAttribute("division", division);
        model.addAttribute("divisionName", division == null || division.isBlank() ? null
                : divisionNames.get(division.strip()));
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
