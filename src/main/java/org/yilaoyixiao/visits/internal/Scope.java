package org.yilaoyixiao.visits.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

/** The data scope of decision 0003 for this module: people and divisions within the actor's subtree. */
@Component
class Scope {

    private final DivisionDirectory divisions;
    private final PersonDirectory persons;

    Scope(DivisionDirectory divisions, PersonDirectory persons) {
        this.divisions = divisions;
        this.persons = persons;
    }

    /** A person in the actor's scope; 404 for anyone else, so that existence outside the scope is not revealed. */
    PersonSummary person(long personId, CurrentUser actor) {
        return persons.find(personId)
                .filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("visits.person.not-found", Long.toString(personId)));
    }

    /** The division asked for (default: the actor's own), which must lie in the actor's scope. */
    String division(String requested, CurrentUser actor) {
        String code = requested == null || requested.isBlank() ? actor.divisionCode() : requested.strip();
        if (divisions.find(code).isEmpty()) {
            throw ApiException.validation("division", "UNKNOWN", "visits.division.unknown", code);
        }
        if (!divisions.isWithin(actor.divisionCode(), code)) {
            throw ApiException.forbidden("visits.division.out-of-scope", code);
        }
        return code;
    }

    Set<String> subtree(String code) {
        return divisions.subtreeCodes(code);
    }

    boolean within(CurrentUser actor, String code) {
        return divisions.isWithin(actor.divisionCode(), code);
    }

    String name(String code) {
        return divisions.find(code).map(d -> d.name()).orElse(code);
    }

    java.util.List<org.yilaoyixiao.divisions.Division> children(String code) {
        return divisions.children(code);
    }
}
