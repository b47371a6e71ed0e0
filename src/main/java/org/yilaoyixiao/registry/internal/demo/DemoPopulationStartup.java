package org.yilaoyixiao.registry.internal.demo;

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
 * Loads the demo population after the application is ready, in a background thread, so that the login page is
 * served at once. Only into an empty registry, checked before the application takes any work. Scale from
 * {@code YLY_DEMO_SCALE} (see {@link DemoScale}); {@code YLY_DEMO_ENABLED=false} means none. {@link #completion()}
 * tells when it is done, e.g. for tests that need the people.
 */
@Component
class DemoPopulationStartup implements DemoPopulation {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulationStartup.class);

    private final DemoPopulationLoader loader;
    private final DemoScale scale;
    private final CompletableFuture<DemoLoadOutcome> completion = new CompletableFuture<>();
    private volatile boolean stopping;
    private Thread worker;

    DemoPopulationStartup(DemoPopulationLoader loader, @Value("${yly.demo.enabled:true}") boolean demoEnabled,
                          @Value("${yly.demo.scale:}") String configuredScale,
                          @Value("${spring.datasource.url:}") String externalDatabaseUrl) {
        this.loader = loader;
        this.scale = DemoScale.resolve(demoEnabled, configuredScale, externalDatabaseUrl);
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void startWhenReady() {
        if (worker != null || completion.isDone()) {
            return;
        }
        if (scale.none()) {
            completion.complete(DemoLoadOutcome.notRequested());
            return;
        }
        if (!loader.registryEmpty()) {
            log.info("Demo population: the registry already has people; no synthetic people loaded");
            completion.complete(DemoLoadOutcome.registryNotEmpty(scale.factor()));
            return;
        }
        worker = new Thread(this::load, "demo-population");
        worker.setDaemon(true);
        worker.start();
    }

    private void load() {
        try {
            completion.complete(loader.load(scale, () -> stopping));
        } catch (RuntimeException | Error e) {
            if (stopping) {
                log.warn("Demo population: load abandoned because the application is stopping; nothing was kept");
            } else {
                log.error("Demo population: load failed; nothing was kept", e);
            }
            completion.completeExceptionally(e);
        }
    }

    @Override
    public CompletableFuture<Void> loaded() {
        return completion.thenApply(outcome -> (Void) null);
    }

    DemoScale scale() {
        return scale;
    }

    /** Completes when the load has finished, was skipped, or failed. */
    CompletableFuture<DemoLoadOutcome> completion() {
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
