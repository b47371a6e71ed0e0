package org.yilaoyixiao.subsidies.internal;

import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;

/** Lets the benchmarks (another package) start a run exactly as the API does and wait for it. */
public final class SubsidyRunProbe {

    private final SubsidyRuns runs;

    public SubsidyRunProbe(ApplicationContext context) {
        this.runs = context.getBean(SubsidyRuns.class);
    }

    /** Starts (or re-runs) a month as a county-level preparer; returns the run's id. */
    public long start(String programme, String month, String countyCode) {
        CurrentUser preparer = new CurrentUser(0, "benchmark", "benchmark", Set.of(Role.COUNTY_ADMIN), countyCode, null);
        return runs.start(programme, month, preparer).id();
    }

    /** Waits until the run is computed; returns its status, line count and the duration it recorded. */
    public String await(long id) throws InterruptedException {
        while (true) {
            RunRecord run = runs.find(id).orElseThrow();
            if (run.finished()) {
                return run.status() + " lines=" + run.lineCount() + " total=" + run.total() + " durationMs="
                        + run.durationMs();
            }
            Thread.sleep(10);
        }
    }
}
