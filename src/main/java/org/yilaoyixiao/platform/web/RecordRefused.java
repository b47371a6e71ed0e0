package org.yilaoyixiao.platform.web;

/**
 * Published when a logged-in user asked for a record that does not exist or lies outside their scope (answered 404,
 * never naming it), or for an action they may not take (403). The audit module records it: repeated attempts on
 * records outside one's scope are what a security review looks for.
 *
 * @param username who asked
 * @param method the HTTP method
 * @param path the address asked for (no query string: it may carry search terms)
 * @param status 404 or 403
 */
public record RecordRefused(String username, String method, String path, int status) {
}
