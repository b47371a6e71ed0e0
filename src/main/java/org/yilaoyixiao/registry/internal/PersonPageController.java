package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.PersonDetailTab;
import org.yilaoyixiao.registry.RecordStatus;
import org.yilaoyixiao.registry.RegistryPermissions;

/** The registry's pages: search, detail with tabs, create and edit, relations, likely duplicates. */
@Controller
@RequestMapping("/persons")
@PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
class PersonPageController {

    private static final int PAGE_SIZE = 30;

    private final PersonRegister register;
    private final PersonSearch search;
    private final PersonRelations relations;
    private final LikelyDuplicates likelyDuplicates;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final List<PersonDetailTab> tabs;
    private final Clock clock;

    PersonPageController(PersonRegister register, PersonSearch search, PersonRelations relations,
                         LikelyDuplicates likelyDuplicates, DivisionDirectory divisions, CurrentUsers currentUsers,
                         List<PersonDetailTab> tabs, Clock clock) {
        this.register = register;
        this.search = search;
        this.relations = relations;
        this.likelyDuplicates = likelyDuplicates;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.tabs = tabs.stream().sorted(Comparator.comparingInt(PersonDetailTab::order)).toList();
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String division,
                @RequestParam(required = false) PersonCategory category,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) Set<LivingSituation> livingSituation,
                @RequestParam(required = false) EconomicStatus economicStatus,
                @RequestParam(required = false) RecordStatus status,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CurrentUser actor = currentUsers.require();
        Set<LivingSituation> flags = livingSituation == null ? EnumSet.noneOf(LivingSituation.class) : livingSituation;
        PersonSearch.Criteria criteria = new PersonSearch.Criteria(null, division, category, q, flags, economicStatus,
                status);
        model.addAttribute("results", search.search(criteria, new PageRequest(Math.max(page, 0), PAGE_SIZE), actor));
        model.addAttribute("criteria", criteria);
        model.addAttribute("divisionOptions", selectableDivisions(actor));
        model.addAttribute("divisionNames", divisionNames(actor));
        addChoices(model);
        return htmx != null ? "persons/list :: results" : "persons/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String newForm(Model model) {
        model.addAttribute("form", new PersonForm());
        return form(model, null);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String create(@ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            PersonRecord person = register.create(form.toCommand(), currentUsers.require());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/persons/" + person.id();
        } catch (ApiException e) {
            reject(e, binding);
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser actor = currentUsers.require();
        PersonRecord person = register.read(id, actor);
        model.addAttribute("person", person);
        model.addAttribute("today", BusinessTime.today(clock));
        model.addAttribute("residencePath", divisions.path(person.residenceDivisionCode()));
        model.addAttribute("tabs", tabs.stream().map(t -> Map.of("labelKey", t.labelKey(), "path", t.path(id))).toList());
        return "persons/detail";
    }

    @GetMapping("/{id}/basic")
    String basic(@PathVariable long id, Model model) {
        detail(id, model);
        return "persons/detail :: basic";
    }

    @PostMapping("/{id}/reveal-id")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.REVEAL_ID + "')")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("revealed", register.revealIdNumber(id, currentUsers.require()));
        return "persons/detail :: revealed";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String editForm(@PathVariable long id, Model model) {
        PersonRecord person = register.readable(id, currentUsers.require());
        model.addAttribute("form", PersonForm.of(person));
        return form(model, person);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String update(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        try {
            register.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.toCommand(), actor);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/persons/" + id;
        } catch (ApiException e) {
            reject(e, binding);
            return form(model, register.readable(id, actor));
        }
    }

    @GetMapping("/{id}/relations")
    String relationsTab(@PathVariable long id, Model model, java.util.Locale locale) {
        CurrentUser actor = currentUsers.require();
        PersonRecord person = register.readable(id, actor);
        model.addAttribute("person", person);
        model.addAttribute("child", person.ageOn(BusinessTime.today(clock)) < PersonRelations.GUARDIAN_CONSENT_AGE);
        model.addAttribute("household", relations.household(id, actor).orElse(null));
        model.addAttribute("guardians", relations.guardians(id, actor));
        model.addAttribute("contacts", relations.contacts(id, actor).stream()
                .map(c -> new ContactView(c, localTime(c.timeZone()),
                        c.countryCode() == null ? null : new java.util.Locale("", c.countryCode()).getDisplayCountry(locale)))
                .toList());
        model.addAttribute("contactRelations", PersonRelations.CONTACT_RELATIONS.stream().sorted().toList());
        model.addAttribute("guardianRelations", PersonRelations.GUARDIAN_RELATIONS.stream().sorted().toList());
        model.addAttribute("consentMethods", PersonRelations.CONSENT_METHODS.stream().sorted().toList());
        return "persons/relations :: relations";
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String addContact(@PathVariable long id, PersonRelations.ContactCommand contact, Model model,
                      java.util.Locale locale) {
        try {
            relations.addContact(id, contact, currentUsers.require());
        } catch (ApiException e) {
            model.addAttribute("contactProblems", e.fieldProblems());
        }
        return relationsTab(id, model, locale);
    }

    @PostMapping("/{id}/guardians")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String addGuardian(@PathVariable long id, @RequestParam(required = false) String name,
                       @RequestParam(required = false) String relation, @RequestParam(required = false) String phone,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime consentGivenAt,
                       @RequestParam(required = false) String consentMethod, Model model, java.util.Locale locale) {
        Instant consent = consentGivenAt == null ? null : consentGivenAt.atZone(BusinessTime.ZONE).toInstant();
        try {
            relations.addGuardian(id, new PersonRelations.GuardianCommand(null, name, relation, phone, consent,
                    consentMethod), currentUsers.require());
        } catch (ApiException e) {
            model.addAttribute("guardianProblems", e.fieldProblems());
        }
        return relationsTab(id, model, locale);
    }

    @GetMapping("/duplicates")
    String duplicates(Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("groups", likelyDuplicates.within(actor));
        model.addAttribute("divisionNames", divisionNames(actor));
        model.addAttribute("limit", LikelyDuplicates.LIMIT);
        return "persons/duplicates";
    }

    /** A contact with the time it is where they live, so nobody is phoned in Milan at 3 a.m. */
    record ContactView(RelationsRepository.Contact contact, String localTime, String countryName) {
    }

    private String localTime(String zone) {
        if (zone == null) {
            return null;
        }
        return LocalDateTime.now(clock.withZone(java.time.ZoneId.of(zone))).toLocalTime()
                .withSecond(0).withNano(0).toString();
    }

    private String form(Model model, PersonRecord existing) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("existing", existing);
        model.addAttribute("residenceOptions", selectableDivisions(actor));
        addChoices(model);
        return "persons/form";
    }

    private void addChoices(Model model) {
        model.addAttribute("categories", PersonCategory.values());
        model.addAttribute("flagsOptions", LivingSituation.values());
        model.addAttribute("economicOptions", EconomicStatus.values());
        model.addAttribute("statusOptions", RecordStatus.values());
        model.addAttribute("today", BusinessTime.today(clock));
    }

    private List<Division> selectableDivisions(CurrentUser actor) {
        return divisions.subtree(actor.divisionCode()).stream().filter(d -> d.level() != DivisionLevel.COUNTY).toList();
    }

    private Map<String, String> divisionNames(CurrentUser actor) {
        return divisions.subtree(actor.divisionCode()).stream()
                .collect(Collectors.toMap(Division::code, Division::name, (a, b) -> a));
    }

    private static void reject(ApiException e, BindingResult binding) {
        if (e.fieldProblems().isEmpty()) {
            binding.reject(e.detailKey(), e.detailArgs(), e.detailKey());
        }
        for (ApiException.FieldProblem problem : e.fieldProblems()) {
            binding.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
        }
    }

}
