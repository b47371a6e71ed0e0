package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.services.ServiceCategory;
import org.yilaoyixiao.services.ServicesPermissions;

/**
 * 管家服务队: the teams of one's scope, paged, each with its villages, members, their skills and open orders — a team
 * with nobody in it is flagged, since a dispatch to it is refused. A township clerk creates teams of their township,
 * adds butlers by name (the user picker), sets their skills and mobile number, removes them, and adds or removes
 * villages. Reading needs the order permission, changing {@code services.butlers.manage}; both within one's scope.
 */
@Controller
class TeamPages {

    static final int PAGE_SIZE = 20;

    private final ButlerTeams teams;
    private final ServicesScope scope;
    private final CurrentUsers currentUsers;
    private final PageRefusals refusals;

    TeamPages(ButlerTeams teams, ServicesScope scope, CurrentUsers currentUsers, PageRefusals refusals) {
        this.teams = teams;
        this.scope = scope;
        this.currentUsers = currentUsers;
        this.refusals = refusals;
    }

    /** A team as a page reads it: its township and villages by name, members with caseloads. */
    record TeamCard(TeamRepository.Team team, String townshipName, List<MenuPages.Place> villages,
                    List<MemberRow> members) {

        public boolean empty() {
            return members.isEmpty();
        }
    }

    record MemberRow(TeamRepository.Member member, int openOrders) {
    }

    @GetMapping("/services/teams")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    String list(@RequestParam(required = false) String division, @RequestParam(required = false) Integer page,
                Model model) {
        CurrentUser actor = currentUsers.require();
        String chosen = division == null || division.isBlank() ? null : division.strip();
        var found = teams.page(actor, chosen, PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("teams", found.items().stream().map(this::card).toList());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("division", chosen);
        model.addAttribute("divisionName", chosen == null ? null : scope.divisionName(chosen));
        model.addAttribute("townships", townships(actor));
        return "services/teams";
    }

    @PostMapping("/services/teams")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.BUTLERS_MANAGE + "')")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String township,
                  Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        try {
            // a new team covers all its township's villages; the team page narrows them
            List<String> villages = township == null || township.isBlank() || !scope.visible(actor, township)
                    ? List.of() : scope.villages(township).stream().map(d -> d.code()).toList();
            var team = teams.create(name, township, villages, actor);
            return "redirect:/services/teams/" + team.team().id();
        } catch (ApiException e) {
            refusals.show(e, model, locale);
            model.addAttribute("newName", name);
            model.addAttribute("newTownship", township);
            return list(null, null, model);
        }
    }

    @GetMapping("/services/teams/{id}")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    String team(@PathVariable long id, Model model) {
        model.addAttribute("card", card(teams.team(id, currentUsers.require())));
        model.addAttribute("categories", ServiceCategory.values());
        return "services/team";
    }

    @PostMapping("/services/teams/{id}/members")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.BUTLERS_MANAGE + "')")
    String putMember(@PathVariable long id, @RequestParam(required = false) String username,
                     @RequestParam(required = false) List<ServiceCategory> skills,
                     @RequestParam(required = false) String phone, Model model, Locale locale,
                     RedirectAttributes redirect) {
        try {
            teams.putMember(id, username, skills, phone, currentUsers.require());
            redirect.addFlashAttribute("done", "services.team.member.added");
            return "redirect:/services/teams/" + id;
        } catch (ApiException e) {
            refusals.show(e, model, locale);
            model.addAttribute("phone", phone);
            return team(id, model);
        }
    }

    @PostMapping("/services/teams/{id}/members/remove")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.BUTLERS_MANAGE + "')")
    String removeMember(@PathVariable long id, @RequestParam(required = false) String username,
                        RedirectAttributes redirect) {
        teams.removeMember(id, username, currentUsers.require());
        redirect.addFlashAttribute("done", "services.team.member.removed");
        return "redirect:/services/teams/" + id;
    }

    @PostMapping("/services/teams/{id}/villages")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.BUTLERS_MANAGE + "')")
    String addVillage(@PathVariable long id, @RequestParam(required = false) String village,
                      @RequestParam(required = false) String remove, Model model, Locale locale,
                      RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        try {
            if (remove != null && !remove.isBlank()) {
                teams.removeVillage(id, remove.strip(), actor);
                redirect.addFlashAttribute("done", "services.team.village.removed");
            } else {
                teams.addVillage(id, village == null ? null : village.strip(), actor);
                redirect.addFlashAttribute("done", "services.team.village.added");
            }
            return "redirect:/services/teams/" + id;
        } catch (ApiException e) {
            refusals.show(e, model, locale);
            return team(id, model);
        }
    }

    private List<MenuPages.Place> townships(CurrentUser actor) {
        return scope.townships(actor).stream().map(d -> new MenuPages.Place(d.code(), d.name())).toList();
    }

    private TeamCard card(ButlerTeams.TeamView view) {
        TeamRepository.Team team = view.team();
        Map<String, Integer> load = view.caseloads();
        return new TeamCard(team, scope.divisionName(team.townshipCode()), team.villages().stream()
                .map(v -> new MenuPages.Place(v, scope.divisionName(v))).toList(),
                team.members().stream().map(m -> new MemberRow(m, load.getOrDefault(m.username(), 0))).toList());
    }
}
