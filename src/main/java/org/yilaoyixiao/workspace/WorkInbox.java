package org.yilaoyixiao.workspace;

import java.util.List;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * A module's part of each user's inbox (我的待办): what is waiting for this user in that module — visits due, orders
 * to accept, runs to approve — each with a count and a link to where the work is done. Implementations decide by the
 * user's roles, permissions and scope what is theirs, and answer quickly (counts, not lists): the inbox is every
 * user's landing page.
 */
public interface WorkInbox {

    List<WorkItem> itemsFor(CurrentUser user);
}
