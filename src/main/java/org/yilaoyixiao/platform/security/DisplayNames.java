package org.yilaoyixiao.platform.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Who did something, as a reader understands it: an account by its display name ("王丽"), never a username, and an
 * actor that is no account (the rules, a nightly job, a loader named {@code system:demo-population}) as the platform
 * in words. Implemented once, by the module that keeps the accounts; every page that names preparers, approvers,
 * visitors or senders uses it, one query per page.
 */
public interface DisplayNames {

    /** The display names of those usernames that name an account; others are left out. */
    Map<String, String> accounts(Collection<String> usernames);

    /** Every non-null username or actor mapped to what a reader sees, in the reader's language. */
    Map<String, String> names(Collection<String> actors, Locale locale);

    /** One actor as a reader sees it; null for null. */
    default String name(String actor, Locale locale) {
        return actor == null ? null : names(java.util.List.of(actor), locale).get(actor);
    }
}
