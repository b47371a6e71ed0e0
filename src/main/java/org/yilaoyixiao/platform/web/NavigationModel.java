package org.yilaoyixiao.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the navigation entries the current user may use into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class NavigationModel {

    private final List<NavigationEntry> entries;

    NavigationModel(List<NavigationContributor> contributors) {
        this.entries = contributors.stream().flatMap(c -> c.navigation().stream())
                .sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return List.of();
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return entries.stream().filter(e -> e.permission() == null || authorities.contains(e.permission())).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
