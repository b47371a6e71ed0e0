package org.yilaoyixiao.workspace;

import java.util.Optional;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * A page another module offers as the start page for some users (county leaders land on the indicator dashboard).
 * The workspace home stays at {@code /home} for everyone.
 */
public interface LandingPage {

    /** Where {@code /} should take this user, or empty for the workspace home. */
    Optional<String> pathFor(CurrentUser user);
}
