package org.yilaoyixiao.registry.internal;

import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yilaoyixiao.registry.RegistryPermissions;
import org.springframework.context.ApplicationContext;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;

/** Lets the benchmarks (another package) call the registry's search exactly as the API controller does. */
public final class PersonSearchProbe {

    private final PersonSearch search;

    public PersonSearchProbe(ApplicationContext context) {
        this.search = context.getBean(PersonSearch.class);
    }

    /**
     * Runs one search (count, page and audit record) as the given user, logged in with the registry's read
     * permissions (children included, as for county and township staff); returns the total number of matches.
     */
    public long search(CurrentUser actor, String idNumber, String division, PersonCategory category, String q,
                       Set<LivingSituation> flags, int page, int size) {
        PersonSearch.Criteria criteria = new PersonSearch.Criteria(idNumber, division, category, q, flags, null, null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                actor.username(), null, List.of(new SimpleGrantedAuthority(RegistryPermissions.READ),
                        new SimpleGrantedAuthority(RegistryPermissions.READ_CHILDREN))));
        try {
            return search.search(criteria, PageRequest.of(page, size), actor).totalElements();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
