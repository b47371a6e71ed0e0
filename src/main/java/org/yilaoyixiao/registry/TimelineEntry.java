package org.yilaoyixiao.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event on a person's timeline: the date it took effect, when it was recorded, the module, a kind code, the
 * message key of its title with arguments (shown in the reader's language) and a reference to its source record.
 */
public record TimelineEntry(LocalDate date, Instant recordedAt, String module, String kind, String titleKey,
                            List<String> titleArgs, String reference) {

    public TimelineEntry {
        titleArgs = titleArgs == null ? List.of() : List.copyOf(titleArgs);
    }
}
