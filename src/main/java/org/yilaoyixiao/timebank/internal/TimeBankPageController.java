package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.timebank.TimeBankPermissions;

/**
 * The time-bank pages: volunteers with registration, a volunteer's profile and statement (with transfers and spends,
 * in proxy mode for elders without a phone), the organiser's activities with confirm-and-credit, the talent search,
 * courses with enrolment and attendance.
 */
@Controller
class TimeBankPageController {

    private static final String READ = "hasAuthority('" + TimeBankPermissions.READ + "')";
    private static final String MANAGE = "hasAuthority('" + TimeBankPermissions.MANAGE + "')";
    private static final int PAGE_SIZE = 50;

    private final TimeBank timeBank;
    private final Engagement engagement;
    private final Education education;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final org.yilaoyixiao.platform.security.DisplayNames displayNames;

    TimeBankPageController(TimeBank timeBank, Engagement engagement, Education education, PersonDirectory persons,
                           DivisionDirectory divisions, CurrentUsers currentUsers, MessageSource messages,
                           java.time.Clock clock,
                           org.yilaoyixiao.platform.security.DisplayNames displayNames) {
        this.clock = clock;
        this.displayNames = displayNames;
        this.timeBank = timeBank;
        this.engagement = engagement;
        this.education = education;
        this.persons = persons;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /** A row of the volunteer list. */
    record VolunteerRow(long personId, String name, String division, String organisation, List<String> skills,
                        BigDecimal balance, boolean ownPhone) {
    }

    // ---- volunteers

    @GetMapping("/timebank/volunteers")
    @PreAuthorize(READ)
    String volunteers(@RequestParam(required = false) Integer page, Model model) {
        return volunteers(org.yilaoyixiao.platform.api.PageRequest.of(page, PAGE_SIZE).page(), model, null,
                List.of());
    }

    private String volunteers(int page, Model model, String done, List<String> problems) {
        CurrentUser actor = currentUsers.require();
        long count = engagement.countVolunteers(null, actor);
        model.addAttribute("rows", engagement.volunteers(null, page, PAGE_SIZE, actor).stream()
                .map(v -> new VolunteerRow(v.personId(), persons.find(v.personId()).map(PersonSummary::name)
                        .orElse(""), divisionName(v.divisionCode()), v.organisationName(), v.skills(),
                        timeBank.balance(v.personId()), v.ownPhone())).toList());
        model.addAttribute("count", count);
        model.addAttribute("pager", org.yilaoyixiao.platform.web.Pager.of(new org.yilaoyixiao.platform.api
                .PageResponse<>(List.of(), page, PAGE_SIZE, count)));
        model.addAttribute("done", done);
        model.addAttribute("problems", problems);
        return "timebank/volunteers";
    }

    @PostMapping("/timebank/volunteers")
    @PreAuthorize(MANAGE)
    String register(@RequestParam(required = false) Long personId, @RequestParam(required = false) String organisation,
                    @RequestParam(required = false) String organisationKind,
                    @RequestParam(required = false) String skills,
                    @RequestParam(required = false) String formerProfession,
                    @RequestParam(required = false) String availability,
                    @RequestParam(required = false) boolean willingToShare,
                    @RequestParam(required = false) boolean ownPhone,
                    @RequestParam(required = false) boolean consent, Model model, Locale locale) {
        try {
            List<String> skillList = splitSkills(skills);
            var volunteer = engagement.register(new Engagement.Registration(personId, organisation, organisationKind,
                    skillList, formerProfession, availability, willingToShare, ownPhone, null, consent),
                    currentUsers.require());
            return volunteers(0, model, messages.getMessage("timebank.volunteer.registered",
                    new Object[] {persons.find(volunteer.personId()).map(PersonSummary::name).orElse("")}, locale),
                    List.of());
        } catch (ApiException e) {
            return volunteers(0, model, null, explain(e, locale));
        }
    }

    /** A statement line with its time in the county's zone. */
    record Line(LocalDateTime at, String kind, String description, BigDecimal amount, BigDecimal balanceAfter) {
    }

    @GetMapping("/timebank/volunteers/{personId}")
    @PreAuthorize(READ)
    String volunteer(@PathVariable long personId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     Model model) {
        return volunteer(personId, from, to, model, null, List.of());
    }

    private String volunteer(long personId, LocalDate from, LocalDate to, Model model, String done,
                             List<String> problems) {
        CurrentUser actor = currentUsers.require();
        var volunteer = engagement.volunteer(personId, actor);
        TimeBank.Statement statement = timeBank.statement(personId, TimeBankApiController.start(from),
                TimeBankApiController.end(to), actor);
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("consentBy", volunteer.consentBy() == null ? "" : organisers(
                List.of(volunteer.consentBy()), LocaleContextHolder.getLocale()).get(volunteer.consentBy()));
        model.addAttribute("person", statement.person());
        model.addAttribute("division", divisionName(volunteer.divisionCode()));
        model.addAttribute("account", timeBank.account(personId));
        model.addAttribute("statement", statement);
        model.addAttribute("lines", statement.lines().stream().map(l -> new Line(
                LocalDateTime.ofInstant(l.at(), BusinessTime.ZONE), l.kind(),
                description(l.kind(), l.description(), LocaleContextHolder.getLocale()), l.amount(),
                l.balanceAfter())).toList());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("done", done);
        model.addAttribute("problems", problems);
        return "timebank/volunteer";
    }

    @PostMapping("/timebank/volunteers/{personId}/transfers")
    @PreAuthorize(MANAGE)
    String transfer(@PathVariable long personId, @RequestParam(required = false) Long toPersonId,
                    @RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String note, @RequestParam(required = false) String proxyWitness,
                    @RequestParam String idempotencyKey, Model model, Locale locale) {
        try {
            TimeBank.MovementResult r = timeBank.transfer(personId, toPersonId, hours, kind, note, proxyWitness,
                    idempotencyKey, currentUsers.require());
            return volunteer(personId, null, null, model, messages.getMessage("timebank.transfer.done",
                    new Object[] {r.movement().hours().toPlainString()}, locale), List.of());
        } catch (ApiException e) {
            return volunteer(personId, null, null, model, null, explain(e, locale));
        }
    }

    @PostMapping("/timebank/volunteers/{personId}/spends")
    @PreAuthorize(MANAGE)
    String spend(@PathVariable long personId, @RequestParam(required = false) BigDecimal hours,
                 @RequestParam(required = false) String divisionCode, @RequestParam(required = false) String note,
                 @RequestParam(required = false) String proxyWitness, @RequestParam String idempotencyKey,
                 Model model, Locale locale) {
        try {
            TimeBank.MovementResult r = timeBank.spend(personId, hours, divisionCode, note, proxyWitness,
                    idempotencyKey, currentUsers.require());
            return volunteer(personId, null, null, model, messages.getMessage("timebank.spend.done",
                    new Object[] {r.movement().hours().toPlainString()}, locale), List.of());
        } catch (ApiException e) {
            return volunteer(personId, null, null, model, null, explain(e, locale));
        }
    }

    @GetMapping("/timebank/persons/{personId}/tab")
    @PreAuthorize(READ)
    String tab(@PathVariable long personId, Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("account", timeBank.account(personId, actor));
        model.addAttribute("volunteer", engagement.findVolunteer(personId).orElse(null));
        return "timebank/tab :: account";
    }

    @PostMapping("/timebank/volunteers/{personId}/profile")
    @PreAuthorize(MANAGE)
    String profile(@PathVariable long personId, @RequestParam(required = false) String skills,
                   @RequestParam(required = false) String formerProfession,
                   @RequestParam(required = false) String availability,
                   @RequestParam(required = false) boolean willingToShare,
                   @RequestParam(required = false) boolean ownPhone, Model model, Locale locale) {
        try {
            engagement.update(personId, splitSkills(skills), formerProfession, availability, willingToShare, ownPhone,
                    currentUsers.require());
            return volunteer(personId, null, null, model, messages.getMessage("timebank.profile.done", null, locale),
                    List.of());
        } catch (ApiException e) {
            return volunteer(personId, null, null, model, null, explain(e, locale));
        }
    }

    static List<String> splitSkills(String skills) {
        return skills == null ? List.of()
                : Arrays.stream(skills.split("[,，、;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // ---- activities

    @GetMapping("/timebank/activities")
    @PreAuthorize(READ)
    String activities(Model model) {
        return activities(model, List.of());
    }

    private String activities(Model model, List<String> problems) {
        CurrentUser actor = currentUsers.require();
        var activities = engagement.activities(null, actor);
        model.addAttribute("activities", activities);
        model.addAttribute("organisers", organisers(activities.stream()
                .map(EngagementRepository.Activity::organiser).toList(), LocaleContextHolder.getLocale()));
        model.addAttribute("divisions", divisions.subtree(actor.divisionCode()));
        model.addAttribute("today", BusinessTime.today(clock));
        model.addAttribute("problems", problems);
        return "timebank/activities";
    }

    @PostMapping("/timebank/activities")
    @PreAuthorize(MANAGE)
    String createActivity(@RequestParam(required = false) String title,
                          @RequestParam(required = false) String divisionCode,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                          @RequestParam(required = false) String organisation, Model model, Locale locale) {
        try {
            var activity = engagement.createActivity(title, divisionCode, heldOn, organisation,
                    currentUsers.require());
            return "redirect:/timebank/activities/" + activity.id();
        } catch (ApiException e) {
            return activities(model, explain(e, locale));
        }
    }

    /** A participant as shown, with their name. */
    record ParticipantRow(long personId, String name, BigDecimal hours) {
    }

    @GetMapping("/timebank/activities/{id}")
    @PreAuthorize(READ)
    String activity(@PathVariable long id, Model model) {
        return activity(id, model, null, List.of());
    }

    private String activity(long id, Model model, String done, List<String> problems) {
        CurrentUser actor = currentUsers.require();
        var activity = engagement.activity(id, actor);
        model.addAttribute("activity", activity);
        model.addAttribute("division", divisionName(activity.divisionCode()));
        model.addAttribute("participants", engagement.participants(id).stream()
                .map(p -> new ParticipantRow(p.personId(), persons.find(p.personId()).map(PersonSummary::name)
                        .orElse(""), p.hours())).toList());
        model.addAttribute("volunteers", engagement.volunteers(activity.divisionCode(), 0, 200, actor).stream()
                .map(v -> new VolunteerRow(v.personId(), persons.find(v.personId()).map(PersonSummary::name)
                        .orElse(""), null, v.organisationName(), v.skills(), null, v.ownPhone())).toList());
        model.addAttribute("isOrganiser", activity.organiser().equals(actor.username()));
        model.addAttribute("organiser", organisers(List.of(activity.organiser()), LocaleContextHolder.getLocale())
                .get(activity.organiser()));
        model.addAttribute("done", done);
        model.addAttribute("problems", problems);
        return "timebank/activity";
    }

    @PostMapping("/timebank/activities/{id}/participants")
    @PreAuthorize(MANAGE)
    String addParticipant(@PathVariable long id, @RequestParam(required = false) Long personId,
                          @RequestParam(required = false) BigDecimal hours, Model model, Locale locale) {
        try {
            engagement.addParticipant(id, personId, hours, currentUsers.require());
            return activity(id, model, null, List.of());
        } catch (ApiException e) {
            return activity(id, model, null, explain(e, locale));
        }
    }

    @PostMapping("/timebank/activities/{id}/confirmation")
    @PreAuthorize(MANAGE)
    String confirm(@PathVariable long id, Model model, Locale locale) {
        try {
            Engagement.Confirmation c = engagement.confirm(id, currentUsers.require());
            return activity(id, model, messages.getMessage(c.replayed() ? "timebank.activity.confirmed-before"
                    : "timebank.activity.confirmed-done", new Object[] {c.credited(), c.hours().toPlainString()},
                    locale), List.of());
        } catch (ApiException e) {
            return activity(id, model, null, explain(e, locale));
        }
    }

    // ---- talents

    @GetMapping("/timebank/talents")
    @PreAuthorize(READ)
    String talents(@RequestParam(required = false) String skill, @RequestParam(required = false) String division,
                   Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("skill", skill);
        model.addAttribute("division", division);
        model.addAttribute("divisionName", division == null || division.isBlank() ? null : divisionName(division));
        model.addAttribute("divisions", divisions.subtree(actor.divisionCode()));
        model.addAttribute("talents", engagement.talents(skill, division, actor));
        return "timebank/talents";
    }

    // ---- courses

    @GetMapping("/timebank/courses")
    @PreAuthorize(READ)
    String courses(Model model) {
        return courses(model, List.of());
    }

    private String courses(Model model, List<String> problems) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("courses", education.courses(null, actor));
        model.addAttribute("divisions", divisions.subtree(actor.divisionCode()));
        model.addAttribute("problems", problems);
        return "timebank/courses";
    }

    @PostMapping("/timebank/courses")
    @PreAuthorize(MANAGE)
    String createCourse(@RequestParam(required = false) String title, @RequestParam(required = false) String mode,
                        @RequestParam(required = false) String location,
                        @RequestParam(required = false) String divisionCode,
                        @RequestParam(required = false) String provider,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termStart,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termEnd,
                        @RequestParam(required = false) Integer sessions, Model model, Locale locale) {
        try {
            var course = education.create(new Education.CourseRequest(title, mode, location, divisionCode, provider,
                    termStart, termEnd, sessions), currentUsers.require());
            return "redirect:/timebank/courses/" + course.id();
        } catch (ApiException e) {
            return courses(model, explain(e, locale));
        }
    }

    @GetMapping("/timebank/courses/{id}")
    @PreAuthorize(READ)
    String course(@PathVariable long id, Model model) {
        return course(id, model, List.of());
    }

    private String course(long id, Model model, List<String> problems) {
        CurrentUser actor = currentUsers.require();
        Education.Course course = education.course(id, actor);
        model.addAttribute("course", course);
        model.addAttribute("division", divisionName(course.divisionCode()));
        model.addAttribute("needed", education.sessionsNeeded(course.sessions()));
        model.addAttribute("learners", education.learners(id, actor));
        model.addAttribute("problems", problems);
        return "timebank/course";
    }

    @PostMapping("/timebank/courses/{id}/enrolments")
    @PreAuthorize(MANAGE)
    String enrol(@PathVariable long id, @RequestParam(required = false) Long personId, Model model, Locale locale) {
        try {
            education.enrol(id, personId, currentUsers.require());
            return "redirect:/timebank/courses/" + id;
        } catch (ApiException e) {
            return course(id, model, explain(e, locale));
        }
    }

    @PostMapping("/timebank/courses/{id}/attendance")
    @PreAuthorize(MANAGE)
    String attend(@PathVariable long id, @RequestParam(required = false) Long personId,
                  @RequestParam(required = false) Integer session, Model model, Locale locale) {
        try {
            education.attend(id, personId, session, currentUsers.require());
            return "redirect:/timebank/courses/" + id;
        } catch (ApiException e) {
            return course(id, model, explain(e, locale));
        }
    }

    /**
     * Organisers by display name; the demo data's organiser ("demo", no account) as 示例 — a username is never shown.
     */
    private java.util.Map<String, String> organisers(List<String> usernames, Locale locale) {
        List<String> wanted = usernames.stream().filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<String, String> names = new java.util.HashMap<>(displayNames.accounts(wanted));
        for (String username : wanted) {
            names.putIfAbsent(username, messages.getMessage("demo".equals(username) ? "timebank.demo"
                    : "timebank.organiser.unknown", null, locale));
        }
        return names;
    }

    private static final java.util.regex.Pattern CREDIT = java.util.regex.Pattern.compile(
            "^(ORDER|VISIT|ACTIVITY) (\\S+)(?: (.*))?$");

    /** A statement line's description in words: credits were stored as "ACTIVITY 12:34 title", "ORDER 56". */
    String description(String kind, String stored, Locale locale) {
        if (stored == null) {
            return "";
        }
        java.util.regex.Matcher credit = CREDIT.matcher(stored);
        if ("TIMEBANK_CREDIT".equals(kind) && credit.matches()) {
            String ref = credit.group(2);
            String number = ref.contains(":") ? ref.substring(0, ref.indexOf(':')) : ref;
            return messages.getMessage("timebank.line." + credit.group(1), new Object[]{number,
                    credit.group(3) == null ? "" : credit.group(3)}, locale).strip();
        }
        if ("TIMEBANK_EXPIRY".equals(kind)) {
            return messages.getMessage("timebank.line.EXPIRY", new Object[]{stored}, locale);
        }
        return stored;
    }

    private String divisionName(String code) {
        return divisions.find(code).map(d -> d.name()).orElse(code);
    }

    private List<String> explain(ApiException e, Locale locale) {
        return e.messagesIn(messages, locale);
    }
}
