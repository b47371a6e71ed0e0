package org.yilaoyixiao.divisions.internal;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data: 223 made-up villages, marked synthetic, so that a fresh installation has a full tree to show.
 * Switched off with {@code yly.demo.enabled=false}; skipped once any synthetic village exists.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "yly.demo.enabled", havingValue = "true")
class SyntheticVillages implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticVillages.class);
    static final String RESOURCE = "/reference/divisions/331121-villages-synthetic.csv";

    private final DivisionImport divisionImport;
    private final JdbcClient jdbc;

    SyntheticVillages(DivisionImport divisionImport, JdbcClient jdbc) {
        this.divisionImport = divisionImport;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean present = jdbc.sql("select exists (select 1 from divisions.division where synthetic)")
                .query(Boolean.class).single();
        if (present) {
            return;
        }
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("Missing demo file " + RESOURCE);
            }
            content = in.readAllBytes();
        }
        DivisionImportResult result = divisionImport.importCsv(content, "demo: " + RESOURCE, true);
        if (!result.applied()) {
            throw new IllegalStateException("Demo villages could not be loaded: " + result.problems());
        }
        log.info("Loaded {} synthetic demo villages (yly.demo.enabled=true)", result.created());
    }
}
