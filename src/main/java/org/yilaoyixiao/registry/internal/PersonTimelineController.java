package org.yilaoyixiao.registry.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.RegistryPermissions;

/** A person's timeline as JSON and as a tab of the person page. */
@Controller
@Tag(name = "People registry")
class PersonTimelineController {

    private final PersonTimeline timeline;
    private final CurrentUsers currentUsers;

    PersonTimelineController(PersonTimeline timeline, CurrentUsers currentUsers) {
        this.timeline = timeline;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/persons/{id}/timeline")
    @ResponseBody
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    @Operation(summary = "Dated events about a person from every module (registry, data exchange, visits, outreach "
            + "…), newest first; 404 outside the caller's scope")
    List<PersonTimeline.Event> timeline(@PathVariable long id, Locale locale) {
        return timeline.of(id, currentUsers.require(), locale);
    }

    @GetMapping("/persons/{id}/timeline")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    String tab(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("events", timeline.of(id, currentUsers.require(), locale));
        return "persons/timeline :: timeline";
    }
}
