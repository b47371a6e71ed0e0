package org.yilaoyixiao.placement.internal;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.RecordStatus;

/** Looks up people and facilities for placement and checks that they lie in the actor's data scope. */
@Component
class PlacementScope {

    private final FacilityDirectory facilities;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;

    PlacementScope(FacilityDirectory facilities, PersonDirectory persons, DivisionDirectory divisions,
                   AuditTrail audit) {
        this.facilities = facilities;
        this.persons = persons;
        this.divisions = divisions;
        this.audit = audit;
    }

    boolean visible(CurrentUser actor, String divisionCode) {
        return divisions.isWithin(actor.divisionCode(), divisionCode);
    }

    Set<String> listable(CurrentUser actor, String division) {
        if (division == null || division.isBlank()) {
            return divisions.subtreeCodes(actor.divisionCode());
        }
        if (!visible(actor, division)) {
            throw ApiException.forbidden("placement.division.out-of-scope", division);
        }
        return divisions.subtreeCodes(division);
    }

    InstitutionSummary institution(long id, CurrentUser actor) {
        return facilities.institution(id).filter(i -> visible(actor, i.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("placement.institution.not-found", Long.toString(id)));
    }

    /**
     * An institution a clerk chose in a form: one outside their scope is named and refused as a problem of the
     * field (facilities are public registers; who may admit to it is the question), a missing one is not found.
     */
    InstitutionSummary chosenInstitution(Long id, String field, CurrentUser actor) {
        if (id == null) {
            throw ApiException.validation(field, "REQUIRED", "placement.institution.choose");
        }
        InstitutionSummary institution = facilities.institution(id)
                .orElseThrow(() -> ApiException.validation(field, "UNKNOWN", "placement.institution.choose"));
        if (!visible(actor, institution.divisionCode())) {
            throw ApiException.validation(field, "OUT_OF_SCOPE", "placement.institution.out-of-scope",
                    institution.name());
        }
        return institution;
    }

    /** A childcare provider chosen in a form; as {@link #chosenInstitution}. */
    ChildcareProviderSummary chosenProvider(Long id, String field, CurrentUser actor) {
        if (id == null) {
            throw ApiException.validation(field, "REQUIRED", "placement.provider.choose");
        }
        ChildcareProviderSummary provider = facilities.childcareProvider(id)
                .orElseThrow(() -> ApiException.validation(field, "UNKNOWN", "placement.provider.choose"));
        if (!visible(actor, provider.divisionCode())) {
            throw ApiException.validation(field, "OUT_OF_SCOPE", "placement.provider.out-of-scope",
                    provider.name());
        }
        return provider;
    }

    /** A person chosen in a form, or a problem of the field in the clerk's words. */
    PersonSummary chosenPerson(Long id, String field, String requiredKey) {
        if (id == null) {
            throw ApiException.validation(field, "REQUIRED", requiredKey);
        }
        return persons.find(id).orElseThrow(() -> ApiException.validation(field, "UNKNOWN", requiredKey));
    }

    /** The name of a person chosen in a form, for the picker's box when the form is shown again. */
    java.util.Optional<String> chosenPersonName(long id, CurrentUser actor) {
        return persons.find(id).filter(p -> visible(actor, p.residenceDivisionCode())).map(PersonSummary::name);
    }

    /** Any childcare provider's name (public register). */
    java.util.Optional<String> providerName(long id) {
        return facilities.childcareProvider(id).map(ChildcareProviderSummary::name);
    }

    /** Any institution's name, for showing a period whose institution may lie outside the reader's scope. */
    java.util.Optional<String> institutionName(long id) {
        return facilities.institution(id).map(InstitutionSummary::name);
    }

    ChildcareProviderSummary provider(long id, CurrentUser actor) {
        return facilities.childcareProvider(id).filter(p -> visible(actor, p.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("placement.provider.not-found", Long.toString(id)));
    }

    /** A person whose record is current; a facility in scope may take people from anywhere in the county. */
    PersonSummary activePerson(long id) {
        PersonSummary person = persons.find(id)
                .orElseThrow(() -> ApiException.notFound("placement.person.not-found", Long.toString(id)));
        if (person.status() != RecordStatus.ACTIVE) {
            throw ApiException.conflict("placement.person.inactive", person.name());
        }
        return person;
    }

    PersonSummary person(long id) {
        return persons.find(id)
                .orElseThrow(() -> ApiException.notFound("placement.person.not-found", Long.toString(id)));
    }

    void refused(String type, String target, String reason) {
        audit.record(AuditRecord.of(type, target, AuditOutcome.DENIED, reason));
    }

    static LocalDate required(LocalDate date, String field) {
        if (date == null) {
            throw ApiException.validation(field, "REQUIRED", "placement.date.required");
        }
        return date;
    }
}
