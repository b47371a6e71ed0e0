package org.yilaoyixiao.planning.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yilaoyixiao.planning.PlanningPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;

/** The plan registry page: the 12 projects with progress and the exact totals, then policies, pilots, reforms. */
@Controller
class PlanPageController {

    private final Projects projects;
    private final PlanApiController api;

    PlanPageController(Projects projects, PlanApiController api) {
        this.projects = projects;
        this.api = api;
    }

    @GetMapping("/plan/projects")
    @PreAuthorize("hasAuthority('" + PlanningPermissions.READ + "')")
    String projects(Model model) {
        List<Project> all = projects.all();
        model.addAttribute("projects", all);
        model.addAttribute("totals", Projects.totals(all));
        model.addAttribute("items", api.items());
        return "planning/projects";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class PlanningWeb {
        @Bean
        NavigationContributor planningNavigation() {
            return () -> List.of(new NavigationEntry("nav.plan", "/plan/projects", PlanningPermissions.READ, 62));
        }
    }
}
