package org.yilaoyixiao.guardian.internal;

import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

/** An elder as the current user may see them: living in the user's data scope, else not found. */
@Component
class ElderScope {

    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;

    ElderScope(PersonDirectory persons, DivisionDirectory divisions, CurrentUsers currentUsers) {
        this.persons = persons;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
    }

    PersonSummary visible(long personId) {
        CurrentUser actor = currentUsers.require();
        return persons.find(personId).filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("guardian.person.not-found", Long.toString(personId)));
    }
}
