package org.yilaoyixiao.registry;

import java.util.concurrent.CompletableFuture;

/**
 * The demo population's load, for other modules whose demo data needs the synthetic people (placement puts elders
 * in beds and infants in classes). The load runs in the background after the application is ready.
 */
public interface DemoPopulation {

    /** Completes when the load has finished or was skipped; completes exceptionally when it failed. */
    CompletableFuture<Void> loaded();
}
