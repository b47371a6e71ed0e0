package org.yilaoyixiao.placement.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.DemoPopulation;

/**
 * Loads the demo occupancy ({@link DemoPlacements}) once both the demo facilities and the demo population are there:
 * the facilities are loaded by an application runner, i.e. before the application is ready, and the population in the
 * background after it, so this waits for {@link DemoPopulation#loaded()} in a thread of its own. {@code
 * yly.demo.enabled=false} means none. {@link #completion()} tells when it is done, e.g. for tests.
 */
@Component
class DemoPlacementsStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoPlacementsStartup.class);

    private final DemoPlacements demo;
    private final DemoPopulation population;
    private final boolean enabled;
    private final CompletableFuture<DemoPlacements.Outcome> completion = new CompletableFuture<>();
    private volatile boolean stopping;
    private Thread worker;

    DemoPlacementsStartup(DemoPlacements demo, DemoPopulation population,
                          @Value("${yly.demo.enabled:true}") boolean enabled) {
        this.demo = demo;
        this.population = population;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void startWhenReady() {
        if (worker != null || completion.isDone()) {
            return;
        }
        if (!enabled) {
            completion.complete(DemoPlacements.Outcome.skipped());
            return;
        }
        worker = new Thread(this::load, "demo-placements");
        worker.setDaemon(true);
        worker.start();
    }

    private void load() {
        try {
            population.loaded().join();
            if (stopping) {
                completion.complete(DemoPlacements.Outcome.skipped());
                return;
            }
            completion.complete(demo.load());
        } catch (RuntimeException | Error e) {
            if (stopping) {
                log.warn("Demo placements: load abandoned because the application is stopping; nothing was kept");
            } else {
                log.error("Demo placements: load failed; nothing was kept", e);
            }
            completion.completeExceptionally(e);
        }
    }

    /** Completes when the load has finished, was skipped, or failed. */
    CompletableFuture<DemoPlacements.Outcome> completion() {
        return completion.copy();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        Thread running;
        synchronized (this) {
            running = worker;
        }
        if (running != null) {
            running.join(30_000);
        }
    }
}
