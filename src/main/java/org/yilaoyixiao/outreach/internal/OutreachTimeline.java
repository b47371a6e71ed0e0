package org.yilaoyixiao.outreach.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * When the scan found a person eligible but not enrolled (with the reasons in the reader's words), the notices sent
 * (by whom, by display name), and the outcome.
 */
@Component
class OutreachTimeline implements PersonTimelineSource {

    private final Candidates candidates;
    private final OutreachTraces traces;
    private final DisplayNames actors;

    OutreachTimeline(Candidates candidates, OutreachTraces traces, DisplayNames actors) {
        this.candidates = candidates;
        this.traces = traces;
        this.actors = actors;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        Locale locale = LocaleContextHolder.getLocale();
        List<TimelineEntry> entries = new ArrayList<>();
        for (Candidates.Candidate c : candidates.ofPerson(personId)) {
            entries.add(new TimelineEntry(c.firstFoundAt().atZone(BusinessTime.ZONE).toLocalDate(), c.firstFoundAt(),
                    "outreach", "FOUND", "timeline.outreach.found." + c.programme(),
                    List.of(traces.reasons(c.reasons(), locale)), "outreach:" + c.id()));
            if (c.outcomeAt() != null) {
                entries.add(new TimelineEntry(c.outcomeAt().atZone(BusinessTime.ZONE).toLocalDate(), c.outcomeAt(),
                        "outreach", "OUTCOME", "timeline.outreach.outcome." + c.status(), List.of(),
                        "outreach:" + c.id()));
            }
        }
        List<Candidates.Notice> notices = candidates.noticesOfPerson(personId);
        Map<String, String> names = actors.names(notices.stream().map(Candidates.Notice::sentBy).toList(), locale);
        for (Candidates.Notice n : notices) {
            entries.add(new TimelineEntry(n.sentAt().atZone(BusinessTime.ZONE).toLocalDate(), n.sentAt(), "outreach",
                    "NOTICE", "timeline.outreach.notice." + n.channel(), List.of(names.get(n.sentBy())),
                    "outreach:" + n.candidateId()));
        }
        return entries;
    }
}
