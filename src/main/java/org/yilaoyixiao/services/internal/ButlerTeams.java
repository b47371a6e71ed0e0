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

    /** Adds a BUTLER account to the team (moving it from another team), with its skills. */
    TeamView putMember(long teamId, String username, List<ServiceCategory> skills, CurrentUser actor) {
        TeamView team = team(teamId, actor);
        PublishedViews.UserAccount account = views.user(username == null ? "" : username.strip())
                .orElseThrow(() -> ApiException.validation("username", "UNKNOWN", "services.butler.unknown"));
        if (!account.roles().contains("BUTLER") || !account.enabled()) {
            throw ApiException.validation("username", "NOT_BUTLER", "services.butler.not-butler", account.username());
        }
        List<ServiceCategory> kept = skills == null ? List.of() : skills.stream().distinct().toList();
        transactions.executeWithoutResult(status -> {
            teams.putMember(teamId, account.username(), account.displayName(), kept);
            audit.record(AuditRecord.success("SERVICE_TEAM_MEMBER_SET", "butler-team:" + teamId,
                    "butler=" + account.username() + " skills=" + kept));
        });
        return team(team.team().id(), actor);
    }
}
