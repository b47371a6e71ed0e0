package org.yilaoyixiao.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yilaoyixiao.platform.security.Role;

/**
 * Puts the navigation the current user may use into every page's model: the areas with their pages, and which page
 * the current address belongs to (the longest entry path it starts with, so a record's page lights up its list).
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationModel {

    /** A user with at most this many pages sees them as plain links (a butler's five), not as menus. */
    static final int FLAT_LIMIT = 6;

    private final List<NavigationEntry> entries;

    NavigationModel(List<NavigationContributor> contributors) {
        this.entries = contributors.stream().flatMap(c -> c.navigation().stream())
                .sorted(Comparator.comparing(NavigationEntry::area).thenComparingInt(NavigationEntry::order))
                .toList();
    }

    @ModelAttribute("navigation")
    Navigation navigation(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Navigation.EMPTY;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authorities.contains(role.authority())) {
                roles.add(role);
            }
        }
        Map<NavigationArea, List<NavigationEntry>> byArea = new EnumMap<>(NavigationArea.class);
        List<NavigationEntry> visible = new ArrayList<>();
        for (NavigationEntry entry : entries) {
            // the same path may be offered under two labels for different roles; the first visible one wins
            if (entry.visibleTo(authorities, roles)
                    && visible.stream().noneMatch(v -> v.path().equals(entry.path()))) {
                visible.add(entry);
                byArea.computeIfAbsent(entry.area(), a -> new ArrayList<>()).add(entry);
            }
        }
        List<NavigationMenu> menus = byArea.entrySet().stream()
                .map(e -> new NavigationMenu(e.getKey(), List.copyOf(e.getValue()))).toList();
        return new Navigation(menus, List.copyOf(visible), visible.size() <= FLAT_LIMIT,
                activePath(visible, request.getRequestURI()));
    }

    private static String activePath(List<NavigationEntry> visible, String uri) {
        String best = null;
        int bestScore = 0;
        for (NavigationEntry entry : visible) {
            String path = entry.path();
            int score;
            if (path.equals("/")) {
                score = uri.equals("/") ? 3 : 0;
            } else if (uri.equals(path) || uri.startsWith(path + "/")) {
                score = 2;
            } else {
                score = uri.startsWith(parentOf(path)) ? 1 : 0;
            }
            if (score > bestScore || (score > 0 && score == bestScore && path.length() > best.length())) {
                best = path;
                bestScore = score;
            }
        }
        return best;
    }

    /** "/facilities/institutions" also lights up for "/facilities/providers/3": the module's first segment. */
    private static String parentOf(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path + "/" : path.substring(0, second + 1);
    }

    /**
     * What the layout renders: the menus by area, all visible pages in order (a short list is shown flat), and the
     * entry path of the current page.
     */
    public record Navigation(List<NavigationMenu> menus, List<NavigationEntry> entries, boolean flat,
                             String activePath) {

        static final Navigation EMPTY = new Navigation(List.of(), List.of(), true, null);

        public boolean isActive(NavigationMenu menu) {
            return activePath != null && menu.contains(activePath);
        }

        public boolean isActive(NavigationEntry entry) {
            return entry.path().equals(activePath);
        }
    }
}
