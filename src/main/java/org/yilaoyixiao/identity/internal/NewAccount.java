package org.yilaoyixiao.identity.internal;

import java.util.Set;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.Role;

/** A request to create an account, from the API or the administrators' form. */
record NewAccount(String username, String password, String displayName, Set<Role> roles, String divisionCode,
                  Bureau bureau) {
}
