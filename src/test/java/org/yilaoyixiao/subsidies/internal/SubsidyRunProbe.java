package org.yilaoyixiao.subsidies.internal;

import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;

/** Lets the benchmarks (another package) start a run exactly as the API does and wait for it. */
public final class SubsidyRunProbe {

    private final SubsidyRuns runs;
    private final RunComputation computation;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.yilaoyixiao.policy.PolicyParameters parameters;

    public SubsidyRunProbe(ApplicationContext context) {
        this.runs = context.getBean(SubsidyRuns.class);
        this.computation = context.getBean(RunComputation.class);
        this.jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        this.parameters = context.getBean(org.yilaoyixiao.policy.PolicyParameters.class);
    }

    /** The plan of the month's line selection, with timings (EXPLAIN ANALYZE), for looking into a slow run. */
    public String explain(String programme, String month) {
        RunDefinition definition = computation.definition(org.yilaoyixiao.subsidies.Programme.valueOf(programme));
        RunDefinition.Bound bound = definition.bind(java.time.YearMonth.parse(month).atDay(1), parameters);
        return String.join("\n", jdbc.sql("explain (analyze, buffers) " + definition.selectLines())
                .params(bound.params()).query(String.class).list());
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
