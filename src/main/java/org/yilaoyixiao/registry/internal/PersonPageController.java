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
import org.yilaoyixiao.platform.web.Pager;
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

    private static final int PAGE_SIZE = 50;

    private final PersonRegister register;
    private final PersonSearch search;
    private final PersonRelations relations;
    private final LikelyDuplicates likelyDuplicates;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final List<PersonDetailTab> tabs;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final PayeeAccountStore payees;

    PersonPageController(PersonRegister register, PersonSearch search, PersonRelations relations,
                         LikelyDuplicates likelyDuplicates, DivisionDirectory divisions, CurrentUsers currentUsers,
                         List<PersonDetailTab> tabs, Clock clock,
                         org.springframework.context.MessageSource messages, PayeeAccountStore payees) {
        this.messages = messages;
        this.payees = payees;
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
        var results = search.search(criteria, new PageRequest(Math.max(page, 0), PAGE_SIZE), actor);
        model.addAttribute("results", results);
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("criteria", criteria);
        model.addAttribute("divisionName", division == null || division.isBlank() ? null
                : divisions.find(division.strip()).filter(d -> divisions.isWithin(actor.divisionCode(), d.code()))
                .map(Division::name).orElse(null));
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
            PayeeChange payee = payeeChange(form, null);
            PersonRecord person = register.create(form.toCommand(), currentUsers.require());
            payee.apply(person.id(), currentUsers.require().username());
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
        model.addAttribute("payee", payees.find(id).orElse(null));
        model.addAttribute("today", BusinessTime.today(clock));
        List<Division> path = divisions.path(person.residenceDivisionCode());
        model.addAttribute("residencePath", path);
        model.addAttribute("residenceVillage", path.stream().skip(Math.min(1, Math.max(0, path.size() - 1)))
                .map(Division::name).collect(Collectors.joining(" › ")));
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
        PersonForm form = PersonForm.of(person);
        payees.find(id).ifPresent(a -> {
            form.setPayeeKind(a.kind().name());
            form.setPayeeBank(a.bankName());
        });
        model.addAttribute("form", form);
        return form(model, person);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String update(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        try {
            PayeeChange payee = payeeChange(form, payees.find(register.readable(id, actor).id()).orElse(null));
            register.update(id, form.getVersion() == null ? -1 : form.getVersion(), form.toCommand(), actor);
            payee.apply(id, actor.username());
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
                .map(c -> new ContactView(c, localTime(c.timeZone()), placeName(c, locale)))
                .toList());
        model.addAttribute("places", AbroadPlaces.COMMON);
        model.addAttribute("contactRelations", PersonRelations.CONTACT_RELATIONS.stream().sorted().toList());
        model.addAttribute("guardianRelations", PersonRelations.GUARDIAN_RELATIONS.stream().sorted().toList());
        model.addAttribute("consentMethods", PersonRelations.CONSENT_METHODS.stream().sorted().toList());
        return "persons/relations :: relations";
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    String addContact(@PathVariable long id, PersonRelations.ContactCommand contact,
                      @RequestParam(required = false) String place, Model model, java.util.Locale locale) {
        PersonRelations.ContactCommand command = AbroadPlaces.parse(place)
                .map(p -> new PersonRelations.ContactCommand(contact.name(), contact.relation(), contact.phone(),
                        contact.email(), p.countryCode(), p.timeZone(), contact.emergency()))
                .orElse(contact);
        try {
            relations.addContact(id, command, currentUsers.require());
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
    String duplicates(@RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        var groups = likelyDuplicates.page(actor, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("groups", groups.items());
        model.addAttribute("pager", Pager.of(groups));
        model.addAttribute("divisionNames", divisionNames(actor));
        return "persons/duplicates";
    }

    /** A contact with the time it is where they live, so nobody is phoned in Milan at 3 a.m. */
    record ContactView(RelationsRepository.Contact contact, String localTime, String countryName) {
    }

    /** "意大利（罗马）" for a common place, else the country's name in the reader's language. */
    private String placeName(RelationsRepository.Contact contact, java.util.Locale locale) {
        if (contact.timeZone() != null) {
            var place = AbroadPlaces.ofZone(contact.timeZone())
                    .filter(p -> contact.countryCode() == null || p.countryCode().equals(contact.countryCode()));
            if (place.isPresent()) {
                return messages.getMessage(place.get().labelKey(), null, locale);
            }
        }
        return contact.countryCode() == null ? null
                : new java.util.Locale("", contact.countryCode()).getDisplayCountry(locale);
    }

    private String localTime(String zone) {
        if (zone == null) {
            return null;
        }
        return LocalDateTime.now(clock.withZone(java.time.ZoneId.of(zone))).toLocalTime()
                .withSecond(0).withNano(0).toString();
    }

    /** What the form asks of the payee account, checked before anything is saved. */
    private interface PayeeChange {
        void apply(long personId, String actor);
    }

    private PayeeChange payeeChange(PersonForm form, PayeeAccountStore.Masked stored) {
        String kind = form.getPayeeKind() == null ? "" : form.getPayeeKind().strip();
        if (kind.isEmpty()) {
            return (id, actor) -> payees.remove(id);
        }
        boolean blank = form.getPayeeNumber() == null || form.getPayeeNumber().isBlank();
        if (blank && stored != null && stored.kind().name().equals(kind)) {
            return (id, actor) -> { }; // the stored number is kept: forms never show it
        }
        List<ApiException.FieldProblem> problems = new java.util.ArrayList<>();
        PayeeAccountValidation.Valid valid = PayeeAccountValidation.check(kind, form.getPayeeBank(),
                form.getPayeeNumber(), problems);
        if (valid == null) {
            throw ApiException.validation(problems);
        }
        return (id, actor) -> payees.save(id, valid, actor);
    }

    private String form(Model model, PersonRecord existing) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("existing", existing);
        model.addAttribute("payeeKinds", org.yilaoyixiao.registry.PayeeAccounts.Kind.values());
        model.addAttribute("storedPayee", existing == null ? null : payees.find(existing.id()).orElse(null));
        Object form = model.getAttribute("form");
        String residence = form instanceof PersonForm f ? f.getResidenceDivisionCode() : null;
        model.addAttribute("residenceName", residence == null || residence.isBlank() ? null
                : divisions.find(residence).filter(d -> divisions.isWithin(actor.divisionCode(), d.code()))
                .map(Division::name).orElse(null));
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
