package org.yilaoyixiao.outreach.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.DisplayNames;
import org.yilaoyixiao.platform.time.BusinessTime;

/** What the worklist says about county-wide scans: one running, and the last one finished. */
@Component
class ScanStatus {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private final ScanRuns runs;
    private final DisplayNames names;

    ScanStatus(ScanRuns runs, DisplayNames names) {
        this.runs = runs;
        this.names = names;
    }

    /** The status line: a scan running (who, since when), and the last finished one (when, result, who). */
    record ScanView(boolean running, String runningBy, String runningSince, String finishedAt, String outcome,
                    Integer found, String finishedBy) {
    }

    ScanView view(Locale locale) {
        var running = runs.running();
        var last = runs.lastFinished();
        List<String> actors = new ArrayList<>();
        running.ifPresent(r -> actors.add(r.startedBy()));
        last.ifPresent(r -> actors.add(r.startedBy()));
        Map<String, String> shown = actors.isEmpty() ? Map.of() : names.names(actors, locale);
        return new ScanView(running.isPresent(),
                running.map(r -> shown.getOrDefault(r.startedBy(), r.startedBy())).orElse(null),
                running.map(r -> SHOWN.format(r.startedAt())).orElse(null),
                last.map(r -> SHOWN.format(r.finishedAt())).orElse(null),
                last.map(ScanRuns.Run::outcome).orElse(null),
                last.map(ScanRuns.Run::found).orElse(null),
                last.map(r -> shown.getOrDefault(r.startedBy(), r.startedBy())).orElse(null));
    }

}
