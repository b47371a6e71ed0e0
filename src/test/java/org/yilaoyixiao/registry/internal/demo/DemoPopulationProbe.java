package org.yilaoyixiao.registry.internal.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/** Lets the benchmarks (another package) wait for the startup load and read what it wrote. */
public final class DemoPopulationProbe {

    /** The outcome of the startup load; {@code took} and the counts are zero when nothing was loaded. */
    public record Summary(String result, double scale, long people, long elders, long infants, long households,
                          long guardians, long contacts, Duration took) {
    }

    private DemoPopulationProbe() {
    }

    public static Summary awaitStartupLoad(ApplicationContext context, Duration timeout) throws Exception {
        DemoLoadOutcome outcome = context.getBean(DemoPopulationStartup.class).completion()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        DemoPopulationTotals t = outcome.totals() == null ? new DemoPopulationTotals(0, 0, 0, 0, 0) : outcome.totals();
        return new Summary(outcome.result().name(), outcome.scale(), t.people(), t.elders(), t.infants(),
                t.households(), t.guardians(), t.contacts(), outcome.took() == null ? Duration.ZERO : outcome.took());
    }
}
