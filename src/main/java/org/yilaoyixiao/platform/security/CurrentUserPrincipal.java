package org.yilaoyixiao.platform.security;

/** Implemented by the authenticated principal so that any module can learn who is acting. */
public interface CurrentUserPrincipal {

    CurrentUser currentUser();
}
