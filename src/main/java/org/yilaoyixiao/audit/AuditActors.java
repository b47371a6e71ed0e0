package org.yilaoyixiao.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Who the accounts named in the trail are: their display names by username, so that an auditor reads "王科长" rather
 * than a login name. Implemented by the module that keeps the accounts; the trail works without it.
 */
public interface AuditActors {

    /** Display names of those usernames that name an account; others are left out. */
    Map<String, String> displayNames(Collection<String> usernames);
}
