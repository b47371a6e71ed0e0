package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.PickerOption;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.RegistryPermissions;

/**
 * The person picker's choices: people in the user's scope found by the start of their name, a full ID number (exact,
 * shown masked) or a telephone number, optionally only elders or only infants. Children appear only for users who may
 * see them (the search applies that). Each search is audited like any other.
 */
@Controller
@PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
class PersonPickerController {

    static final int CHOICES = 12;

    private final PersonSearch search;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final Clock clock;

    PersonPickerController(PersonSearch search, DivisionDirectory divisions, CurrentUsers currentUsers,
                           MessageSource messages, Clock clock) {
        this.search = search;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/persons/pick")
    String pick(@RequestParam(defaultValue = "") String term, @RequestParam(required = false) PersonCategory category,
                Model model, Locale locale) {
        String text = term.strip();
        List<PickerOption> options = List.of();
        if (!text.isEmpty()) {
            CurrentUser actor = currentUsers.require();
            PersonSearch.Criteria criteria = new PersonSearch.Criteria(null, null, category, text,
                    EnumSet.noneOf(LivingSituation.class), null, null);
            LocalDate today = BusinessTime.today(clock);
            options = search.search(criteria, new PageRequest(0, CHOICES), actor).items().stream()
                    .map(p -> new PickerOption(Long.toString(p.id()), p.name(), detail(p, today, locale))).toList();
        }
        model.addAttribute("options", options);
        model.addAttribute("term", text);
        return "fragments/picker :: options";
    }

    private String detail(PersonRecord person, LocalDate today, Locale locale) {
        String village = divisions.find(person.residenceDivisionCode()).map(d -> d.name()).orElse("");
        String sex = messages.getMessage("sex." + person.sex().name(), null, person.sex().name(), locale);
        String age = messages.getMessage("person.age.years", new Object[]{person.ageOn(today)}, locale);
        return String.join(" · ", List.of(village, sex, age, person.idNumberMasked()));
    }
}
