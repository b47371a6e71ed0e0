package org.yilaoyixiao.workspace;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;

/** The start page: my inbox, or the landing page of my role. The overview of my scope is {@link OverviewController}. */
@Controller
class HomeController {

    private final CurrentUsers currentUsers;
    private final DivisionDirectory directory;
    private final List<LandingPage> landingPages;
    private final Inbox inbox;

    HomeController(CurrentUsers currentUsers, DivisionDirectory directory, List<LandingPage> landingPages,
                   Inbox inbox) {
        this.landingPages = landingPages;
        this.inbox = inbox;
        this.currentUsers = currentUsers;
        this.directory = directory;
    }

    /**
     * The start page: a contributed landing page when one applies to the user (county leaders land on the indicator
     * dashboard), else their inbox (我的待办; a butler's "today").
     */
    @GetMapping("/")
    String start(Model model) {
        CurrentUser user = currentUsers.require();
        if (!model.containsAttribute("passwordChanged")) {
            for (LandingPage landing : landingPages) {
                Optional<String> path = landing.pathFor(user);
                if (path.isPresent()) {
                    return "redirect:" + path.get();
                }
            }
        }
        model.addAttribute("user", user);
        model.addAttribute("path", directory.path(user.divisionCode()));
        model.addAttribute("inbox", inbox.of(user));
        model.addAttribute("fieldWorker", user.roles().equals(java.util.Set.of(Role.BUTLER)));
        return "inbox";
    }
}
