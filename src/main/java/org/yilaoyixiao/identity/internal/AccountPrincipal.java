package org.yilaoyixiao.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUserPrincipal;

/**
 * The authenticated account kept in the session; never carries the password hash. {@code sessionStamp} is the account's
 * stamp at login: {@link SessionStampCheck} ends the session once it changes.
 */
record AccountPrincipal(CurrentUser user, List<GrantedAuthority> grantedAuthorities, boolean passwordChangeRequired,
                        int sessionStamp)
        implements UserDetails, CurrentUserPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grantedAuthorities;
    }

    AccountPrincipal withPasswordChanged() {
        return new AccountPrincipal(user, grantedAuthorities, false, sessionStamp);
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
