package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.RecordStatus;

/** People and divisions for the services module, and the data-scope checks. */
@Component
class ServicesScope {

    private final PersonDirectory persons;
    private final DivisionDirectory divisions;

    ServicesScope(PersonDirectory persons, DivisionDirectory divisions) {
        this.persons = persons;
        this.divisions = divisions;
    }

    boolean visible(CurrentUser actor, String divisionCode) {
        return actor == null || divisions.isWithin(actor.divisionCode(), divisionCode);
    }

    /** The divisions to list: the actor's subtree, or a division within it. */
    Set<String> listable(CurrentUser actor, String division) {
        if (division == null || division.isBlank()) {
            return divisions.subtreeCodes(actor.divisionCode());
        }
        if (!visible(actor, division)) {
            throw ApiException.forbidden("services.division.out-of-scope", division);
        }
        return divisions.subtreeCodes(division);
    }

    /** An active person living in the actor's scope (no actor: a module raising a need, no check). */
    PersonSummary activePerson(long id, CurrentUser actor) {
        PersonSummary person = persons.find(id).filter(p -> visible(actor, p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("services.person.not-found", Long.toString(id)));
        if (person.status() != RecordStatus.ACTIVE) {
            throw ApiException.conflict("services.person.inactive", person.name());
        }
        return person;
    }

    String personName(long id) {
        return persons.find(id).map(PersonSummary::name).orElse("#" + id);
    }

    java.util.Optional<PersonSummary> personByIdNumber(String idNumber) {
        return persons.findByIdNumber(idNumber);
    }

    /** Codes from the county down to the division, both included. */
    List<String> path(String divisionCode) {
        return divisions.path(divisionCode).stream().map(Division::code).toList();
    }

    /** The township a division lies in (itself if it is one), or the division itself above township level. */
    String township(String divisionCode) {
        List<Division> path = divisions.path(divisionCode);
        return path.size() >= 2 ? path.get(1).code() : divisionCode;
    }

    String divisionName(String code) {
        return divisions.find(code).map(Division::name).orElse(code);
    }

    List<Division> townships(CurrentUser actor) {
        return divisions.subtree(actor.divisionCode()).stream()
                .filter(d -> d.level() == org.yilaoyixiao.divisions.DivisionLevel.TOWNSHIP).toList();
    }

    List<Division> villages(String townshipCode) {
        return divisions.children(townshipCode);
    }
}
