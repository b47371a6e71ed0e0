package org.yilaoyixiao.outreach.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonTimelineSource;
import org.yilaoyixiao.registry.TimelineEntry;

/** When the scan found a person eligible but not enrolled, the notices sent, and the outcome. */
@Component
class OutreachTimeline implements PersonTimelineSource {

    private final Candidates candidates;

    OutreachTimeline(Candidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public List<TimelineEntry> timeline(long personId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Candidates.Candidate c : candidates.ofPerson(personId)) {
            entries.add(new TimelineEntry(c.firstFoundAt().atZone(BusinessTime.ZONE).toLocalDate(), c.firstFoundAt(),
                    "outreach", "FOUND", "timeline.outreach.found." + c.programme(), List.of(String.join("、",
                    c.reasons())), "outreach:" + c.id()));
            if (c.outcomeAt() != null) {
                entries.add(new TimelineEntry(c.outcomeAt().atZone(BusinessTime.ZONE).toLocalDate(), c.outcomeAt(),
                        "outreach", "OUTCOME", "timeline.outreach.outcome." + c.status(), List.of(),
                        "outreach:" + c.id()));
            }
        }
        for (Candidates.Notice n : candidates.noticesOfPerson(personId)) {
            entries.add(new TimelineEntry(n.sentAt().atZone(BusinessTime.ZONE).toLocalDate(), n.sentAt(), "outreach",
                    "NOTICE", "timeline.outreach.notice." + n.channel(), List.of(n.sentBy()),
                    "outreach:" + n.candidateId()));
        }
        return entries;
    }
}
