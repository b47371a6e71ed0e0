package org.yilaoyixiao.facilities.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.workspace.LandingPage;

/**
 * Facility managers name the operator accounts of an institution on its page (chosen with the user picker); an
 * operator lands on their institution's page (decision 0040).
 */
@Controller
class InstitutionOperatorController implements LandingPage {

    private final Institutions institutions;
    private final InstitutionOperators operators;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    InstitutionOperatorController(Institutions institutions, InstitutionOperators operators,
                                  DivisionDirectory divisions, CurrentUsers currentUsers, MessageSource messages) {
        this.institutions = institutions;
        this.operators = operators;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping("/facilities/institutions/{id}/operators")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    String assign(@PathVariable long id, @RequestParam(required = false) String username,
                  RedirectAttributes redirect, Locale locale) {
        CurrentUser actor = currentUsers.require();
        InstitutionRecord institution = institutions.read(id, actor);
        try {
            operators.assign(institution.id(), username, actor, divisions.subtreeCodes(actor.divisionCode()));
            redirect.addFlashAttribute("operatorAssigned", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("operatorProblems", e.messagesIn(messages, locale));
        }
        return "redirect:/facilities/institutions/" + institution.id();
    }

    @PostMapping("/facilities/institutions/{id}/operators/{username}/remove")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    String remove(@PathVariable long id, @PathVariable String username) {
        CurrentUser actor = currentUsers.require();
        InstitutionRecord institution = institutions.read(id, actor);
        operators.remove(institution.id(), username, actor);
        return "redirect:/facilities/institutions/" + institution.id();
    }

    /** An operator starts the day on their institution's page; one without an institution on the inbox. */
    @Override
    public Optional<String> pathFor(CurrentUser user) {
        if (!InstitutionOperators.confined(user)) {
            return Optional.empty();
        }
        return operators.institutionOf(user.username()).map(id -> "/facilities/institutions/" + id);
    }
}
