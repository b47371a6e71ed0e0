package org.yilaoyixiao.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Gathers a user's inbox from every module. One module failing to answer costs only its own items, never the page:
 * the inbox is where everybody lands.
 */
@Component
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    /** Every user lands here: a source slower than this is worth a line in the log. */
    private static final long SLOW_MILLIS = 150;

    private final List<WorkInbox> sources;

    Inbox(List<WorkInbox> sources) {
        this.sources = List.copyOf(sources);
    }

    Contents of(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        boolean incomplete = false;
        for (WorkInbox source : sources) {
            long started = System.nanoTime();
            try {
                source.itemsFor(user).stream().filter(i -> i.count() > 0).forEach(items::add);
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis > SLOW_MILLIS) {
                    log.warn("Inbox source {} took {} ms for user {}", source.getClass().getSimpleName(), millis,
                            user.username());
                }
            } catch (RuntimeException e) {
                incomplete = true;
                log.warn("Inbox source {} failed for user {}", source.getClass().getName(), user.username(), e);
            }
        }
        items.sort(Comparator.comparing(WorkItem::urgency).thenComparingInt(WorkItem::order));
        return new Contents(List.copyOf(items), incomplete);
    }

    /** The items waiting, most urgent first, and whether some module could not answer. */
    record Contents(List<WorkItem> items, boolean incomplete) {

        public boolean empty() {
            return items.isEmpty();
        }
    }
}
