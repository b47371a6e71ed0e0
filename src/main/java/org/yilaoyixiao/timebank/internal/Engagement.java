package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.RecordStatus;

/** Volunteers and their organisations, the talent database, and activities confirmed and credited by organisers. */
@Service
class Engagement {

    static final int MAX_SKILLS = 20;

    private final EngagementRepository repository;
    private final TimeBank timeBank;
    private final TimeBankSettings settings;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Engagement(EngagementRepository repository, TimeBank timeBank, TimeBankSettings settings,
               DivisionDirectory divisions, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.timeBank = timeBank;
        this.settings = settings;
        this.divisions = divisions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a registration says; {@code consent} null means the registering organiser attests the signed form. */
    record Registration(Long personId, String organisation, String organisationKind, List<String> skills,
                        String formerProfession, String availability, Boolean willingToShare, Boolean ownPhone,
                        String username, Boolean consent) {
    }

    EngagementRepository.Volunteer register(Registration r, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.required(r.personId(), "personId", problems);
        if (Boolean.FALSE.equals(r.consent())) {
            problems.add(new ApiException.FieldProblem("consent", "REQUIRED", "timebank.consent.required",
                    new Object[0]));
        }
        Checks.text(r.organisation(), "organisation", false, problems);
        Checks.text(r.formerProfession(), "formerProfession", false, problems);
        Checks.text(r.availability(), "availability", false, problems);
        Checks.text(r.username(), "username", false, problems);
        String kind = r.organisationKind() == null || r.organisationKind().isBlank() ? "TEAM"
                : r.organisationKind().strip();
        if (!kind.equals("TEAM") && !kind.equals("ASSOCIATION")) {
            problems.add(new ApiException.FieldProblem("organisationKind", "INVALID",
                    "timebank.organisation-kind.invalid", new Object[0]));
        }
        Set<String> skills = skills(r.skills(), problems);
        Checks.throwIfAny(problems);
        PersonSummary person = timeBank.person(r.personId(), actor);
        if (person.status() != RecordStatus.ACTIVE) {
            throw ApiException.conflict("timebank.person.not-active", person.id());
        }
        try {
            transactions.executeWithoutResult(status -> {
                if (repository.volunteerExists(person.id())) {
                    throw ApiException.conflict("timebank.volunteer.exists", person.id());
                }
                if (r.username() != null && !r.username().isBlank()
                        && repository.volunteerByUsername(r.username().strip()).isPresent()) {
                    throw ApiException.conflict("timebank.volunteer.username-taken", r.username().strip());
                }
                Long organisationId = r.organisation() == null || r.organisation().isBlank() ? null
                        : repository.insertOrganisation(r.organisation().strip(), kind,
                        person.residenceDivisionCode(), actor.username());
                repository.insertVolunteer(person.id(), person.residenceDivisionCode(), organisationId,
                        Checks.strip(r.formerProfession()), Checks.strip(r.availability()),
                        r.willingToShare() == null || r.willingToShare(), r.ownPhone() == null || r.ownPhone(),
                        Checks.strip(r.username()), actor.username(), List.copyOf(skills));
                audit.record(AuditRecord.success("TIMEBANK_VOLUNTEER_REGISTERED", "timebank:" + person.id(),
                        "organisation=" + r.organisation() + " skills=" + skills + " consent="
                                + (r.consent() == null ? "attested-by-organiser" : "given")));
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("timebank.volunteer.exists", person.id());
        }
        return repository.volunteer(person.id()).orElseThrow();
    }

    private static Set<String> skills(List<String> given, List<ApiException.FieldProblem> problems) {
        Set<String> skills = new LinkedHashSet<>();
        for (String skill : given == null ? List.<String>of() : given) {
            if (skill != null && !skill.isBlank()) {
                if (skill.strip().length() > 50) {
                    problems.add(new ApiException.FieldProblem("skills", "TOO_LONG", "timebank.text.too-long",
                            new Object[] {50}));
                }
                skills.add(skill.strip());
            }
        }
        if (skills.size() > MAX_SKILLS) {
            problems.add(new ApiException.FieldProblem("skills", "TOO_MANY", "timebank.skills.too-many",
                    new Object[] {MAX_SKILLS}));
        }
        return skills;
    }

    /** Changes a volunteer's profile (skills, former profession, availability, willingness, phone); audited. */
    EngagementRepository.Volunteer update(long personId, List<String> skillList, String formerProfession,
                                          String availability, Boolean willingToShare, Boolean ownPhone,
                                          CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.text(formerProfession, "formerProfession", false, problems);
        Checks.text(availability, "availability", false, problems);
        Set<String> skills = skills(skillList, problems);
        Checks.throwIfAny(problems);
        EngagementRepository.Volunteer current = volunteer(personId, actor);
        transactions.executeWithoutResult(status -> {
            repository.updateVolunteer(personId, Checks.strip(formerProfession), Checks.strip(availability),
                    willingToShare == null ? current.willingToShare() : willingToShare,
                    ownPhone == null ? current.ownPhone() : ownPhone, List.copyOf(skills));
            audit.record(AuditRecord.success("TIMEBANK_VOLUNTEER_UPDATED", "timebank:" + personId,
                    "skills=" + skills + " ownPhone=" + ownPhone + " willingToShare=" + willingToShare));
        });
        return repository.volunteer(personId).orElseThrow();
    }

    /** The volunteer leaves (no longer counted for I18 nor found as a talent); their hours stay theirs. */
    void withdraw(long personId, CurrentUser actor) {
        volunteer(personId, actor);
        transactions.executeWithoutResult(status -> {
            if (repository.withdraw(personId)) {
                audit.record(AuditRecord.success("TIMEBANK_VOLUNTEER_WITHDRAWN", "timebank:" + personId, ""));
            }
        });
    }

    EngagementRepository.Volunteer volunteer(long personId, CurrentUser actor) {
        timeBank.person(personId, actor);
        return repository.volunteer(personId)
                .orElseThrow(() -> ApiException.notFound("timebank.volunteer.not-found", personId));
    }

    /** The registration of a person, if they are a volunteer (no scope check: the caller checked the person). */
    java.util.Optional<EngagementRepository.Volunteer> findVolunteer(long personId) {
        return repository.volunteer(personId);
    }

    String scope(String division, CurrentUser actor) {
        String scope = division == null || division.isBlank() ? actor.divisionCode() : division.strip();
        if (!divisions.isWithin(actor.divisionCode(), scope)) {
            throw ApiException.forbidden("timebank.division.out-of-scope", scope);
        }
        return scope;
    }

    List<EngagementRepository.Volunteer> volunteers(String division, int page, int size, CurrentUser actor) {
        return repository.volunteersIn(divisions.subtreeCodes(scope(division, actor)), size, page * size);
    }

    long countVolunteers(String division, CurrentUser actor) {
        return repository.countVolunteersIn(divisions.subtreeCodes(scope(division, actor)));
    }

    /** One entry of the talent database: an elder volunteer willing to be matched to a need. */
    record Talent(long personId, String name, int age, String divisionCode, String divisionName,
                  List<String> skills, String formerProfession, String availability, String organisation) {
    }

    List<Talent> talents(String skill, String division, CurrentUser actor) {
        LocalDate today = BusinessTime.today(clock);
        return repository.talents(divisions.subtreeCodes(scope(division, actor)), skill,
                        today.minusYears(settings.elderAge()), 200).stream()
                .map(row -> {
                    EngagementRepository.Volunteer v = (EngagementRepository.Volunteer) row[2];
                    LocalDate birth = (LocalDate) row[1];
                    return new Talent(v.personId(), (String) row[0], java.time.Period.between(birth, today).getYears(),
                            v.divisionCode(), divisions.find(v.divisionCode()).map(d -> d.name()).orElse(""),
                            v.skills(), v.formerProfession(), v.availability(), v.organisationName());
                }).toList();
    }

    EngagementRepository.Activity createActivity(String title, String divisionCode, LocalDate heldOn,
                                                 String organisation, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.text(title, "title", true, problems);
        Checks.text(divisionCode, "divisionCode", true, problems);
        Checks.required(heldOn, "heldOn", problems);
        Checks.text(organisation, "organisation", false, problems);
        Checks.throwIfAny(problems);
        String division = divisionCode.strip();
        if (divisions.find(division).isEmpty()) {
            throw ApiException.validation("divisionCode", "UNKNOWN", "timebank.division.unknown", division);
        }
        scope(division, actor);
        if (heldOn.isAfter(BusinessTime.today(clock))) {
            throw ApiException.validation("heldOn", "FUTURE", "timebank.activity.future");
        }
        return transactions.execute(status -> {
            Long organisationId = organisation == null || organisation.isBlank() ? null
                    : repository.organisation(division, organisation.strip()).map(EngagementRepository.Organisation::id)
                    .orElseGet(() -> repository.insertOrganisation(organisation.strip(), "TEAM", division,
                            actor.username()));
            long id = repository.insertActivity(title.strip(), division, organisationId, heldOn, actor.username());
            audit.record(AuditRecord.success("TIMEBANK_ACTIVITY_CREATED", "timebank-activity:" + id,
                    "title=" + title.strip() + " division=" + division + " heldOn=" + heldOn));
            return repository.activity(id).orElseThrow();
        });
    }

    EngagementRepository.Activity activity(long id, CurrentUser actor) {
        return repository.activity(id).filter(a -> divisions.isWithin(actor.divisionCode(), a.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("timebank.activity.not-found", id));
    }

    List<EngagementRepository.Activity> activities(String division, CurrentUser actor) {
        return repository.activitiesIn(divisions.subtreeCodes(scope(division, actor)), 100);
    }

    List<EngagementRepository.Participant> participants(long activityId) {
        return repository.participants(activityId);
    }

    /** Adds a volunteer to an activity not yet confirmed, with the hours they gave. */
    void addParticipant(long activityId, Long personId, BigDecimal hours, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.required(personId, "personId", problems);
        Checks.hours(hours, settings.maxHoursPerCredit(), "hours", problems);
        Checks.throwIfAny(problems);
        transactions.executeWithoutResult(status -> {
            EngagementRepository.Activity activity = repository.lockActivity(activityId)
                    .filter(a -> divisions.isWithin(actor.divisionCode(), a.divisionCode()))
                    .orElseThrow(() -> ApiException.notFound("timebank.activity.not-found", activityId));
            if (activity.confirmedAt() != null) {
                throw ApiException.conflict("timebank.activity.confirmed");
            }
            if (repository.volunteer(personId).isEmpty()) {
                throw ApiException.conflict("timebank.volunteer.not-registered", personId);
            }
            repository.putParticipant(activityId, personId, hours);
        });
    }

    record Confirmation(EngagementRepository.Activity activity, int credited, BigDecimal hours, boolean replayed) {
    }

    /**
     * The organiser confirms the activity took place: every participant is credited their hours, once (the source is
     * the activity and the participant), all in one transaction. Confirming again changes nothing.
     */
    Confirmation confirm(long activityId, CurrentUser actor) {
        return transactions.execute(status -> {
            EngagementRepository.Activity activity = repository.lockActivity(activityId)
                    .filter(a -> divisions.isWithin(actor.divisionCode(), a.divisionCode()))
                    .orElseThrow(() -> ApiException.notFound("timebank.activity.not-found", activityId));
            List<EngagementRepository.Participant> participants = repository.participants(activityId);
            BigDecimal total = participants.stream().map(EngagementRepository.Participant::hours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (activity.confirmedAt() != null) {
                return new Confirmation(activity, participants.size(), total, true);
            }
            if (!activity.organiser().equals(actor.username())) {
                throw ApiException.forbidden("timebank.activity.not-organiser", activity.organiser());
            }
            if (participants.isEmpty()) {
                throw ApiException.conflict("timebank.activity.no-participants");
            }
            repository.confirmActivity(activityId, actor.username());
            for (EngagementRepository.Participant p : participants) {
                String ref = TimeBank.activityRef(activityId, p.personId());
                timeBank.creditWithin(p.personId(), p.hours(), TimeBank.SourceType.ACTIVITY, ref,
                        "timebank:credit:activity:" + ref, actor.username());
            }
            audit.record(AuditRecord.success("TIMEBANK_ACTIVITY_CONFIRMED", "timebank-activity:" + activityId,
                    "participants=" + participants.size() + " hours=" + total.toPlainString()));
            return new Confirmation(repository.activity(activityId).orElseThrow(), participants.size(), total, false);
        });
    }
}
