package org.yilaoyixiao.guardian.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.guardian.detection.SafeZone;
import org.yilaoyixiao.notifications.ElderContacts;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.DisplayNames;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * The guardian's management pages (issue 19): gateways and their keys (a new or rotated key is shown once, through a
 * flash attribute, and never again), binding a device to an elder chosen by name and unbinding it, and an elder's
 * safe zones on a map-free form.
 */
@Controller
class GuardianSetupPageController {

    private final GatewayKeys gateways;
    private final GuardianSetup setup;
    private final ElderScope elders;
    private final RoutineStore routines;
    private final ElderContacts contacts;
    private final CurrentUsers currentUsers;
    private final DisplayNames names;
    private final MessageSource messages;

    GuardianSetupPageController(GatewayKeys gateways, GuardianSetup setup, ElderScope elders, RoutineStore routines,
                                ElderContacts contacts, CurrentUsers currentUsers, DisplayNames names,
                                MessageSource messages) {
        this.gateways = gateways;
        this.setup = setup;
        this.elders = elders;
        this.routines = routines;
        this.contacts = contacts;
        this.currentUsers = currentUsers;
        this.names = names;
        this.messages = messages;
    }

    // --- gateways ---------------------------------------------------------------------------------------------

    record GatewayRow(GatewayKeys.Gateway gateway, LocalDateTime createdAt, String createdBy, LocalDateTime changedAt) {
    }

    @GetMapping("/guardian/gateways")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.GATEWAYS + "')")
    String gateways(@RequestParam(required = false) Integer page, Model model) {
        PageResponse<GatewayKeys.Gateway> found = gateways.list(PageRequest.of(page, 50));
        Map<String, String> creators = names.accounts(found.items().stream().map(GatewayKeys.Gateway::createdBy)
                .distinct().toList());
        model.addAttribute("rows", found.items().stream().map(g -> new GatewayRow(g, local(g.createdAt()),
                creators.getOrDefault(g.createdBy(), g.createdBy()),
                local(g.revokedAt() != null ? g.revokedAt() : g.rotatedAt()))).toList());
        model.addAttribute("pager", Pager.of(found));
        return "guardian/gateways";
    }

    @PostMapping("/guardian/gateways")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.GATEWAYS + "')")
    String issue(@RequestParam(required = false) String name, RedirectAttributes redirect, Locale locale) {
        String chosen = name == null ? "" : name.strip();
        if (chosen.isEmpty() || chosen.length() > 100) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage("guardian.gateway.name.required", null,
                    locale)));
            return "redirect:/guardian/gateways";
        }
        GatewayKeys.Issued issued = gateways.issue(chosen, currentUsers.require().username());
        redirect.addFlashAttribute("issued", issued);
        redirect.addFlashAttribute("issuedName", chosen);
        return "redirect:/guardian/gateways";
    }

    @PostMapping("/guardian/gateways/{id}/rotate")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.GATEWAYS + "')")
    String rotate(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            GatewayKeys.Issued issued = gateways.rotate(id, currentUsers.require().username());
            redirect.addFlashAttribute("issued", issued);
            redirect.addFlashAttribute("issuedName", gateways.find(id).map(GatewayKeys.Gateway::name).orElse(""));
            redirect.addFlashAttribute("rotated", true);
        } catch (ApiException e) {
            problems(e, redirect, locale);
        }
        return "redirect:/guardian/gateways";
    }

    @PostMapping("/guardian/gateways/{id}/revoke")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.GATEWAYS + "')")
    String revoke(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            gateways.revoke(id, currentUsers.require().username());
            redirect.addFlashAttribute("revoked", gateways.find(id).map(GatewayKeys.Gateway::name).orElse(""));
        } catch (ApiException e) {
            problems(e, redirect, locale);
        }
        return "redirect:/guardian/gateways";
    }

    // --- devices ----------------------------------------------------------------------------------------------

    @GetMapping("/guardian/devices/new")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    String bindForm(@RequestParam(required = false) Long personId, Model model) {
        if (personId != null) {
            PersonSummary person = elders.visible(personId);
            model.addAttribute("personId", person.id());
            model.addAttribute("personName", person.name());
        }
        return bindPage(model);
    }

    @PostMapping("/guardian/devices")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    String bind(@RequestParam(required = false) String personId, @RequestParam(required = false) String type,
                @RequestParam(required = false) String deviceId, Model model, RedirectAttributes redirect,
                Locale locale) {
        Long person = number(personId);
        try {
            DeviceDirectory.Device device = setup.bind(deviceId, type, person, currentUsers.require());
            redirect.addFlashAttribute("bound", device.deviceId());
            return "redirect:/guardian/devices";
        } catch (ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("problems", e.messagesIn(messages, locale));
            if (person != null) {
                model.addAttribute("personId", person);
                model.addAttribute("personName", elders.visible(person).name());
            }
            model.addAttribute("chosenType", type);
            model.addAttribute("deviceId", deviceId);
            return bindPage(model);
        }
    }

    @PostMapping("/guardian/devices/{deviceId}/unbind")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    String unbind(@PathVariable String deviceId, RedirectAttributes redirect) {
        setup.unbind(deviceId, currentUsers.require());
        redirect.addFlashAttribute("unbound", deviceId);
        return "redirect:/guardian/devices";
    }

    private String bindPage(Model model) {
        model.addAttribute("types", DeviceType.values());
        return "guardian/device-form";
    }

    // --- safe zones -------------------------------------------------------------------------------------------

    record ZoneRow(GuardianSetup.Zone zone, LocalDateTime createdAt, String createdBy) {
    }

    /** The safe zones of the elder chosen with the picker, and the form to add one. */
    @GetMapping("/guardian/safe-zones")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    String zones(@RequestParam(required = false) String personId, Model model) {
        Long chosen = number(personId);
        if (chosen != null) {
            PersonSummary person = elders.visible(chosen);
            model.addAttribute("person", person);
            List<GuardianSetup.Zone> zones = setup.zones(person.id());
            Map<String, String> creators = names.accounts(zones.stream().map(GuardianSetup.Zone::createdBy)
                    .distinct().toList());
            model.addAttribute("zones", zones.stream().map(z -> new ZoneRow(z, local(z.createdAt()),
                    creators.getOrDefault(z.createdBy(), z.createdBy()))).toList());
            ElderContacts.Contact contact = contacts.of(List.of(person.id())).get(person.id());
            model.addAttribute("address", contact == null ? null : contact.address());
            Optional<SafeZone> home = routines.find(person.id()).map(s -> s.routine().home());
            model.addAttribute("home", home.orElse(null));
        }
        return "guardian/safe-zones";
    }

    /**
     * Adds a zone centred on typed coordinates, or on the home the guardian learned from the elder's own devices
     * ({@code centre=HOME}): there is no geocoder, so the address from the record names the zone but cannot place it.
     */
    @PostMapping("/guardian/safe-zones")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    String addZone(@RequestParam(required = false) String personId, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String centre, @RequestParam(required = false) String lat,
                   @RequestParam(required = false) String lon, @RequestParam(required = false) String radiusMeters,
                   RedirectAttributes redirect, Locale locale) {
        Long person = number(personId);
        if (person == null) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage("guardian.zone.person", null,
                    locale)));
            return "redirect:/guardian/safe-zones";
        }
        PersonSummary elder = elders.visible(person);
        BigDecimal latitude = decimal(lat);
        BigDecimal longitude = decimal(lon);
        if ("HOME".equals(centre)) {
            Optional<SafeZone> home = routines.find(elder.id()).map(s -> s.routine().home());
            if (home.isEmpty()) {
                redirect.addFlashAttribute("problems", List.of(messages.getMessage("guardian.zone.no-home", null,
                        locale)));
                return "redirect:/guardian/safe-zones?personId=" + elder.id();
            }
            latitude = BigDecimal.valueOf(home.get().lat());
            longitude = BigDecimal.valueOf(home.get().lon());
        }
        Integer radius = number(radiusMeters) == null ? null : number(radiusMeters).intValue();
        try {
            setup.addZone(elder.id(), name, latitude, longitude, radius, currentUsers.require());
            redirect.addFlashAttribute("added", name.strip());
        } catch (ApiException e) {
            problems(e, redirect, locale);
            redirect.addFlashAttribute("zoneName", name);
            redirect.addFlashAttribute("zoneLat", lat);
            redirect.addFlashAttribute("zoneLon", lon);
            redirect.addFlashAttribute("zoneRadius", radiusMeters);
        }
        return "redirect:/guardian/safe-zones?personId=" + elder.id();
    }

    @PostMapping("/guardian/safe-zones/{zoneId}/remove")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    String removeZone(@PathVariable long zoneId, @RequestParam(required = false) String personId,
                      RedirectAttributes redirect) {
        Long person = number(personId);
        if (person == null) {
            throw ApiException.notFound("guardian.zone.not-found", Long.toString(zoneId));
        }
        setup.removeZone(person, zoneId, currentUsers.require());
        redirect.addFlashAttribute("removed", true);
        return "redirect:/guardian/safe-zones?personId=" + person;
    }

    // ----------------------------------------------------------------------------------------------------------

    private void problems(ApiException e, RedirectAttributes redirect, Locale locale) {
        if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
            throw e;
        }
        redirect.addFlashAttribute("problems", e.messagesIn(messages, locale));
    }

    private static LocalDateTime local(java.time.Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, BusinessTime.ZONE);
    }

    /** A number typed or chosen on a form, or null when blank or not a number (then the field is reported). */
    private static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
