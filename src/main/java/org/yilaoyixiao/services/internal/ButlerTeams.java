package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.services.ServiceCategory;

/** Butler teams: one or more per township, the villages each covers, members with skills, their caseloads. */
@Service
class ButlerTeams {

    private final TeamRepository teams;
    private final OrderRepository orders;
    private final PublishedViews views;
    private final ServicesScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    ButlerTeams(TeamRepository teams, OrderRepository orders, PublishedViews views, ServicesScope scope,
                AuditTrail audit, TransactionTemplate transactions) {
        this.teams = teams;
        this.orders = orders;
        this.views = views;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    record TeamView(TeamRepository.Team team, Map<String, Integer> caseloads) {
    }

    List<TeamView> list(CurrentUser actor, String division) {
        Set<String> codes = scope.listable(actor, division);
        List<TeamRepository.Team> found = teams.teamsIn(codes);
        Set<String> usernames = found.stream().flatMap(t -> t.members().stream())
                .map(TeamRepository.Member::username).collect(Collectors.toSet());
        Map<String, Integer> load = orders.openLoad(usernames);
        return found.stream().map(t -> new TeamView(t, t.members().stream().collect(Collectors.toMap(
                TeamRepository.Member::username, m -> load.getOrDefault(m.username(), 0))))).toList();
    }

    TeamView team(long id, CurrentUser actor) {
        TeamRepository.Team team = teams.team(id).filter(t -> scope.visible(actor, t.townshipCode()))
                .orElseThrow(() -> ApiException.notFound("services.team.not-found", Long.toString(id)));
        Map<String, Integer> load = orders.openLoad(team.members().stream().map(TeamRepository.Member::username)
                .collect(Collectors.toSet()));
        return new TeamView(team, team.members().stream().collect(Collectors.toMap(TeamRepository.Member::username,
                m -> load.getOrDefault(m.username(), 0))));
    }

    TeamView create(String name, String townshipCode, List<String> villages, CurrentUser actor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.validation("name", "REQUIRED", "services.field.required");
        }
        if (townshipCode == null || !scope.visible(actor, townshipCode)
                || !scope.township(townshipCode).equals(townshipCode)) {
            throw ApiException.validation("townshipCode", "INVALID", "services.team.township.invalid");
        }
        List<String> covered = villages == null ? List.of() : villages;
        for (String village : covered) {
            if (village == null || !scope.path(village).contains(townshipCode) || village.equals(townshipCode)) {
                throw ApiException.validation("villages", "INVALID", "services.team.village.invalid", village);
            }
        }
        long id = transactions.execute(status -> {
            long team = teams.insertTeam(name.strip(), townshipCode, false);
            covered.forEach(v -> teams.cover(team, v));
            audit.record(AuditRecord.success("SERVICE_TEAM_CREATED", "butler-team:" + team,
                    "township=" + townshipCode + " villages=" + covered));
            return team;
        });
        return team(id, actor);
    }

    /** Adds a BUTLER account to the team (moving it from another team), with its skills; keeps a known phone. */
    TeamView putMember(long teamId, String username, List<ServiceCategory> skills, CurrentUser actor) {
        String phone = username == null ? null : teams.member(username.strip()).map(TeamRepository.Member::phone)
                .orElse(null);
        return putMember(teamId, username, skills, phone, actor);
    }

    /** A mainland mobile number, or a landline with its area code. */
    static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

    /** Adds a BUTLER account to the team (moving it from another team), with its skills and mobile number. */
    TeamView putMember(long teamId, String username, List<ServiceCategory> skills, String phone, CurrentUser actor) {
        TeamView team = team(teamId, actor);
        if (username == null || username.isBlank()) {
            throw ApiException.validation("username", "REQUIRED", "services.team.member.choose");
        }
        PublishedViews.UserAccount account = views.user(username.strip())
                .orElseThrow(() -> ApiException.validation("username", "UNKNOWN", "services.butler.unknown"));
        if (!account.roles().contains("BUTLER") || !account.enabled()) {
            throw ApiException.validation("username", "NOT_BUTLER", "services.butler.not-butler", account.username());
        }
        // a butler works where their account's scope is: a team of another township would send them out of it
        if (!scope.visible(actor, account.divisionCode())
                || !scope.township(account.divisionCode()).equals(team.team().townshipCode())) {
            throw ApiException.validation("username", "OTHER_TOWNSHIP", "services.team.member.other-township",
                    account.displayName());
        }
        String number = phone == null || phone.isBlank() ? null : phone.replace(" ", "").strip();
        if (number != null && !PHONE.matcher(number).matches()) {
            throw ApiException.validation("phone", "INVALID", "services.team.member.phone");
        }
        List<ServiceCategory> kept = skills == null ? List.of() : skills.stream().distinct().toList();
        transactions.executeWithoutResult(status -> {
            teams.putMember(teamId, account.username(), account.displayName(), kept, number);
            audit.record(AuditRecord.success("SERVICE_TEAM_MEMBER_SET", "butler-team:" + teamId,
                    "butler=" + account.username() + " skills=" + kept + " phone=" + (number != null)));
        });
        return team(team.team().id(), actor);
    }

    TeamView removeMember(long teamId, String username, CurrentUser actor) {
        TeamView team = team(teamId, actor);
        transactions.executeWithoutResult(status -> {
            if (teams.removeMember(teamId, username == null ? "" : username)) {
                audit.record(AuditRecord.success("SERVICE_TEAM_MEMBER_REMOVED", "butler-team:" + teamId,
                        "butler=" + username));
            }
        });
        return team(team.team().id(), actor);
    }

    TeamView addVillage(long teamId, String village, CurrentUser actor) {
        TeamView team = team(teamId, actor);
        String township = team.team().townshipCode();
        if (village == null || village.isBlank()) {
            throw ApiException.validation("village", "REQUIRED", "services.team.village.choose");
        }
        if (!scope.path(village).contains(township) || village.equals(township)) {
            throw ApiException.validation("village", "INVALID", "services.team.village.invalid",
                    scope.divisionName(village));
        }
        transactions.executeWithoutResult(status -> {
            teams.cover(teamId, village);
            audit.record(AuditRecord.success("SERVICE_TEAM_VILLAGE_ADDED", "butler-team:" + teamId,
                    "village=" + village));
        });
        return team(teamId, actor);
    }

    TeamView removeVillage(long teamId, String village, CurrentUser actor) {
        team(teamId, actor);
        transactions.executeWithoutResult(status -> {
            if (teams.uncover(teamId, village == null ? "" : village)) {
                audit.record(AuditRecord.success("SERVICE_TEAM_VILLAGE_REMOVED", "butler-team:" + teamId,
                        "village=" + village));
            }
        });
        return team(teamId, actor);
    }

    /** A page of the teams in the actor's scope (or a township of it), with caseloads. */
    org.yilaoyixiao.platform.api.PageResponse<TeamView> page(CurrentUser actor, String division,
                                                             org.yilaoyixiao.platform.api.PageRequest request) {
        var found = teams.page(scope.listable(actor, division), request);
        Set<String> usernames = found.items().stream().flatMap(t -> t.members().stream())
                .map(TeamRepository.Member::username).collect(Collectors.toSet());
        Map<String, Integer> load = orders.openLoad(usernames);
        return new org.yilaoyixiao.platform.api.PageResponse<>(found.items().stream().map(t -> new TeamView(t,
                t.members().stream().collect(Collectors.toMap(TeamRepository.Member::username,
                        m -> load.getOrDefault(m.username(), 0))))).toList(), found.page(), found.size(),
                found.totalElements());
    }
}
