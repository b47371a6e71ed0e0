package org.yilaoyixiao.services.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who could take an order, best first: butlers whose team covers the elder's village (else the township), who have
 * the category as a skill, with the fewest open orders; then providers offering the item in the elder's township or
 * county-wide (the caravan).
 */
@Component
class DispatchSuggestions {

    private final TeamRepository teams;
    private final MenuRepository menu;
    private final OrderRepository orders;
    private final ServicesScope scope;

    DispatchSuggestions(TeamRepository teams, MenuRepository menu, OrderRepository orders, ServicesScope scope) {
        this.teams = teams;
        this.menu = menu;
        this.orders = orders;
        this.scope = scope;
    }

    /**
     * @param sameArea   the team covers the elder's village (butlers) / the provider is in the elder's township
     * @param skilled    the butler has the order's category as a skill (providers: always, they offer the item)
     * @param openOrders the butler's orders not yet finished (providers: null)
     * @param teamId     for a butler team as a provider: the team (its page shows its members), else null
     * @param noMembers  a butler team with nobody in it: a dispatch to it is refused, the page says so beforehand
     */
    record Suggestion(String kind, String butler, Long providerId, String name, boolean sameArea, boolean skilled,
                      Integer openOrders, Long teamId, boolean noMembers) {

        Suggestion(String kind, String butler, Long providerId, String name, boolean sameArea, boolean skilled,
                   Integer openOrders) {
            this(kind, butler, providerId, name, sameArea, skilled, openOrders, null, false);
        }
    }

    List<Suggestion> suggest(OrderRecord order) {
        String village = order.divisionCode();
        String township = scope.township(village);
        List<TeamRepository.Team> covering = teams.covering(village, township);
        Set<String> usernames = covering.stream().flatMap(t -> t.members().stream())
                .map(TeamRepository.Member::username).collect(Collectors.toSet());
        Map<String, Integer> load = orders.openLoad(usernames);
        List<Suggestion> butlers = new ArrayList<>();
        for (TeamRepository.Team team : covering) {
            boolean coversVillage = team.villages().contains(village);
            for (TeamRepository.Member member : team.members()) {
                butlers.add(new Suggestion("BUTLER", member.username(), null, member.displayName(), coversVillage,
                        member.skills().contains(order.category()), load.getOrDefault(member.username(), 0)));
            }
        }
        // last: a team covering fewer villages is the closer one (a village's own team before the township's)
        Map<String, Integer> reach = new java.util.HashMap<>();
        covering.forEach(t -> t.members().forEach(m -> reach.put(m.username(), t.villages().size())));
        butlers.sort(Comparator.comparing(Suggestion::skilled).reversed()
                .thenComparing(Comparator.comparing(Suggestion::sameArea).reversed())
                .thenComparing(Suggestion::openOrders)
                .thenComparing(s -> reach.getOrDefault(s.butler(), Integer.MAX_VALUE)));
        List<String> path = scope.path(village);
        List<Suggestion> providers = menu.providersOf(order.itemId()).stream()
                .filter(p -> path.contains(p.divisionCode()) || p.divisionCode().equals(township))
                .map(p -> new Suggestion("PROVIDER", null, p.id(), p.name(), township.equals(p.divisionCode())
                        || village.equals(p.divisionCode()), true, null, p.teamId(), p.teamId() != null
                        && teams.team(p.teamId()).map(t -> t.members().isEmpty()).orElse(true)))
                .sorted(Comparator.comparing(Suggestion::sameArea).reversed())
                .toList();
        List<Suggestion> all = new ArrayList<>(butlers);
        all.addAll(providers);
        return all;
    }
}
