package org.yilaoyixiao.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yilaoyixiao.YilaoyixiaoApplication;

/**
 * Starts the whole platform as {@code ./mvnw spring-boot:run} would (installation settings: embedded PostgreSQL
 * with fsync on, no test profile) on a given data directory, on a free port.
 */
final class BenchmarkApplication {

    static final String ADMIN_PASSWORD = "Bench-Mark-2026!";

    private BenchmarkApplication() {
    }

    static ConfigurableApplicationContext start(Path dataDir, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("yly.data-dir", dataDir.toAbsolutePath().toString());
        all.put("yly.admin.password", ADMIN_PASSWORD);
        all.put("server.port", "0");
        all.putAll(properties);
        // as command-line arguments, which win over application.properties and the environment
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(YilaoyixiaoApplication.class).run(args);
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return "processors=" + runtime.availableProcessors() + ", max heap=" + runtime.maxMemory() / (1 << 20)
                + " MiB, java=" + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", os=" + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
