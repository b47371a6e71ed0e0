package org.yilaoyixiao.divisions.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A county other than 青田 names its own division list with {@code YLY_DIVISIONS_FILE}; it is imported at every
 * start (re-importing an unchanged file changes nothing), before the first administrator is created in it.
 * A file with any problem stops the start, with every problem listed.
 */
@Component
@Order(-10)
@ConditionalOnExpression("!'${yly.divisions.file:}'.isBlank()")
class ConfiguredDivisionList implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredDivisionList.class);

    private final DivisionImport divisionImport;
    private final Path file;

    ConfiguredDivisionList(DivisionImport divisionImport, @Value("${yly.divisions.file}") String file) {
        this.divisionImport = divisionImport;
        this.file = Path.of(file);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("YLY_DIVISIONS_FILE " + file.toAbsolutePath() + " cannot be read");
        }
        DivisionImportResult result = divisionImport.importCsv(Files.readAllBytes(file), "file: " + file, false);
        if (!result.applied()) {
            throw new IllegalStateException("YLY_DIVISIONS_FILE " + file + " was not imported: " + result.problems());
        }
        log.info("Division list {}: {} new, {} changed, {} unchanged", file, result.created(), result.renamed(),
                result.unchanged());
    }
}
