package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ApiException.FieldProblem;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * The people around a person: family contacts (children abroad with their time zone, emergency contacts),
 * guardians of children with the consent PIPL Art. 31 requires, and households.
 */
@Service
class PersonRelations {

    static final Set<String> CONTACT_RELATIONS = Set.of("SON", "DAUGHTER", "SPOUSE", "SIBLING", "GRANDCHILD",
            "RELATIVE", "NEIGHBOUR", "OTHER");
    static final Set<String> GUARDIAN_RELATIONS = Set.of("MOTHER", "FATHER", "GRANDPARENT", "OTHER");
    static final Set<String> CONSENT_METHODS = Set.of("WRITTEN", "ONLINE", "RECORDED_VERBAL");
    static final Set<String> MEMBER_RELATIONS = Set.of("HEAD", "SPOUSE", "CHILD", "PARENT", "GRANDCHILD",
            "GRANDPARENT", "SIBLING", "OTHER");
    /** PIPL Art. 31: the personal information of a child under 14 needs the guardian's consent. */
    static final int GUARDIAN_CONSENT_AGE = 14;

    private final RelationsRepository relations;
    private final PersonRegister register;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PersonRelations(RelationsRepository relations, PersonRegister register, DivisionDirectory divisions,
                    AuditTrail audit, Clock clock, TransactionTemplate transactions) {
        this.relations = relations;
        this.register = register;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    record ContactCommand(String name, String relation, String phone, String email, String countryCode,
                          String timeZone, Boolean emergency) {
    }

    record GuardianCommand(Long guardianPersonId, String name, String relation, String phone, Instant consentGivenAt,
                           String consentMethod) {
    }

    record MemberCommand(Long personId, String relation) {
    }

    List<RelationsRepository.Contact> contacts(long personId, CurrentUser actor) {
        register.readable(personId, actor);
        return relations.contacts(personId);
    }

    List<RelationsRepository.Guardian> guardians(long personId, CurrentUser actor) {
        register.readable(personId, actor);
        return relations.guardians(personId);
    }

    java.util.Optional<RelationsRepository.Household> household(long personId, CurrentUser actor) {
        register.readable(personId, actor);
        return relations.householdOf(personId);
    }

    long addContact(long personId, ContactCommand c, CurrentUser actor) {
        register.readable(personId, actor);
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(c.name(), "name", problems);
        String relation = oneOf(c.relation(), CONTACT_RELATIONS, "relation", problems);
        String phone = blankToNull(c.phone());
        if (phone != null && !phone.matches("[0-9+\\- ()]{5,30}")) {
            problems.add(new FieldProblem("phone", "PATTERN", "person.phone.pattern", null));
        }
        String email = blankToNull(c.email());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "PATTERN", "contact.email.pattern", null));
        }
        String country = blankToNull(c.countryCode());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!Set.of(Locale.getISOCountries()).contains(country)) {
                problems.add(new FieldProblem("countryCode", "UNKNOWN", "contact.country.unknown", null));
            }
        }
        String zone = blankToNull(c.timeZone());
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("timeZone", "UNKNOWN", "contact.time-zone.unknown", null));
            }
        }
        if (phone == null && email == null) {
            problems.add(new FieldProblem("phone", "REQUIRED", "contact.reach.required", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        String countryCode = country;
        return transactions.execute(status -> {
            long id = relations.addContact(personId, name, relation, phone, email, countryCode, zone,
                    Boolean.TRUE.equals(c.emergency()), clock.instant(), actor.username());
            audit.record(AuditRecord.success("PERSON_CONTACT_ADDED", "person:" + personId, "contact=" + id));
            return id;
        });
    }

    long addGuardian(long childId, GuardianCommand g, CurrentUser actor) {
        PersonRecord child = register.readable(childId, actor);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = BusinessTime.today(clock);
        if (child.ageOn(today) >= GUARDIAN_CONSENT_AGE) {
            problems.add(new FieldProblem("infantId", "NOT_A_CHILD", "guardian.not-a-child",
                    new Object[]{GUARDIAN_CONSENT_AGE}));
        }
        String name = required(g.name(), "name", problems);
        String relation = oneOf(g.relation(), GUARDIAN_RELATIONS, "relation", problems);
        String method = oneOf(g.consentMethod(), CONSENT_METHODS, "consentMethod", problems);
        if (g.consentGivenAt() == null || g.consentGivenAt().isAfter(clock.instant())) {
            problems.add(new FieldProblem("consentGivenAt", "REQUIRED", "guardian.consent.required", null));
        }
        if (g.guardianPersonId() != null) {
            try {
                register.readable(g.guardianPersonId(), actor);
            } catch (ApiException e) {
                problems.add(new FieldProblem("guardianPersonId", "UNKNOWN", "guardian.person.unknown", null));
            }
        }
        String phone = blankToNull(g.phone());
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
            problems.add(new FieldProblem("phone", "PATTERN", "person.phone.pattern", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return transactions.execute(status -> {
            long id = relations.addGuardian(childId, g.guardianPersonId(), name, relation, phone, g.consentGivenAt(),
                    method, clock.instant(), actor.username());
            audit.record(AuditRecord.success("PERSON_GUARDIAN_ADDED", "person:" + childId,
                    "guardian=" + id + " consent=" + method));
            return id;
        });
    }

    long createHousehold(String divisionCode, String address, List<MemberCommand> members, CurrentUser actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (divisionCode == null || divisions.find(divisionCode).isEmpty()) {
            problems.add(new FieldProblem("divisionCode", "UNKNOWN", "person.residence.unknown", null));
        } else if (!divisions.isWithin(actor.divisionCode(), divisionCode)) {
            throw ApiException.forbidden("person.residence.out-of-scope", divisionCode);
        }
        if (members == null || members.isEmpty()) {
            problems.add(new FieldProblem("members", "REQUIRED", "household.members.required", null));
        } else {
            for (int i = 0; i < members.size(); i++) {
                MemberCommand m = members.get(i);
                oneOf(m.relation(), MEMBER_RELATIONS, "members[" + i + "].relation", problems);
                if (m.personId() == null) {
                    problems.add(new FieldProblem("members[" + i + "].personId", "REQUIRED", "household.member.unknown", null));
                } else {
                    try {
                        register.readable(m.personId(), actor);
                    } catch (ApiException e) {
                        problems.add(new FieldProblem("members[" + i + "].personId", "UNKNOWN",
                                "household.member.unknown", null));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        try {
            return transactions.execute(status -> {
                long id = relations.createHousehold(divisionCode, blankToNull(address), clock.instant(),
                        actor.username());
                for (MemberCommand m : members) {
                    relations.addMember(id, m.personId(), m.relation().strip().toUpperCase(Locale.ROOT));
                }
                audit.record(AuditRecord.success("HOUSEHOLD_CREATED", "household:" + id, "members=" + members.size()));
                return id;
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("household.member.taken");
        }
    }

    java.util.Optional<RelationsRepository.Household> householdById(long id, CurrentUser actor) {
        return relations.household(id).filter(h -> divisions.isWithin(actor.divisionCode(), h.divisionCode()));
    }

    private static String required(String value, String field, List<FieldProblem> problems) {
        String stripped = blankToNull(value);
        if (stripped == null || stripped.length() > 50) {
            problems.add(new FieldProblem(field, "REQUIRED", "relation.name.required", null));
        }
        return stripped;
    }

    private static String oneOf(String value, Set<String> allowed, String field, List<FieldProblem> problems) {
        String normalised = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        if (normalised == null || !allowed.contains(normalised)) {
            problems.add(new FieldProblem(field, "UNKNOWN", "relation.choice.unknown", null));
        }
        return normalised;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
