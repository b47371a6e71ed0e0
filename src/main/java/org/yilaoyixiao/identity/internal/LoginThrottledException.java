package org.yilaoyixiao.identity.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from the client's address: refused before any account is looked at. */
class LoginThrottledException extends AuthenticationException {

    LoginThrottledException() {
        super("Too many failed logins from this address");
    }
}
