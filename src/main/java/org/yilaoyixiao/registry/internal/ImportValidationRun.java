package org.yilaoyixiao.registry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.platform.spreadsheet.UnreadableSpreadsheetException;
import org.yilaoyixiao.platform.spreadsheet.XlsxRowReader;

/**
 * Reads and checks one uploaded file in the background: streams the sheet, checks each row, and stages the rows in
 * chunks, each chunk committed with the progress the wizard polls. Finally marks the rows whose ID number is
 * registered already, in one statement. The uploaded file is deleted when done.
 */
final class ImportValidationRun implements Runnable {

    /** Rows per COPY and per progress update. */
    static final int CHUNK = 2000;
    /** More rows than a county office sends at once; larger lists are imported in parts. */
    static final int MAX_ROWS = 200_000;
    /** Rows above the header row that may hold a title. */
    private static final int MAX_HEADER_ROW = 10;
    private static final Logger log = LoggerFactory.getLogger(ImportValidationRun.class);

    private final long importId;
    private final Path file;
    private final PersonSheetFormat format;
    private final ImportRowValidator validator;
    private final PersonImportStaging staging;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private PersonSheetFormat.Layout layout;
    private final List<StagedRow> chunk = new ArrayList<>(CHUNK);
    private int rows;
    /** Time spent writing to staging, for the log: the rest is reading and checking. */
    private long stagingNanos;

    ImportValidationRun(long importId, Path file, PersonSheetFormat format, ImportRowValidator validator,
                        PersonImportStaging staging, TransactionTemplate transactions, Clock clock) {
        this.importId = importId;
        this.file = file;
        this.format = format;
        this.validator = validator;
        this.staging = staging;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            XlsxRowReader.read(file, this::row);
            if (layout == null) {
                throw new ImportFailure("person-import.failure.no-header", format.header(PersonSheetFormat.Column.ID_NUMBER));
            }
            flush(100);
            if (rows == 0) {
                throw new ImportFailure("person-import.failure.empty", null);
            }
            long marking = System.nanoTime();
            transactions.executeWithoutResult(tx -> {
                staging.markExisting(importId);
                staging.validated(importId, clock.instant());
            });
            long now = System.nanoTime();
            log.info("Import {}: {} rows read and checked in {} ms ({} ms staging, {} ms against the registry)",
                    importId, rows, (now - started) / 1_000_000, stagingNanos / 1_000_000, (now - marking) / 1_000_000);
        } catch (ImportFailure failure) {
            fail(failure.messageKey(), failure.argument());
        } catch (UnreadableSpreadsheetException unreadable) {
            log.info("Import {}: not a readable xlsx file ({})", importId, unreadable.getMessage());
            fail("person-import.failure.unreadable", null);
        } catch (RuntimeException unexpected) {
            log.error("Import {} failed", importId, unexpected);
            fail("person-import.failure.internal", null);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the uploaded file {}", file, e);
            }
        }
    }

    private void row(int rowNumber, List<String> cells, double fractionRead) {
        if (isBlank(cells)) {
            return;
        }
        if (layout == null) {
            layout = format.layout(cells);
            if (layout == null && rowNumber >= MAX_HEADER_ROW) {
                throw new ImportFailure("person-import.failure.no-header",
                        format.header(PersonSheetFormat.Column.ID_NUMBER));
            }
            if (layout != null && !format.missingRequired(layout).isEmpty()) {
                throw new ImportFailure("person-import.failure.columns", format.missingRequired(layout));
            }
            return;
        }
        if (++rows > MAX_ROWS) {
            throw new ImportFailure("person-import.failure.too-many-rows", Integer.toString(MAX_ROWS));
        }
        chunk.add(validator.check(format.row(layout, rowNumber, cells)));
        if (chunk.size() == CHUNK) {
            flush(fractionRead < 0 ? 0 : (int) Math.min(99, fractionRead * 100));
        }
    }

    private void flush(int percent) {
        List<StagedRow> batch = List.copyOf(chunk);
        chunk.clear();
        long start = System.nanoTime();
        transactions.executeWithoutResult(tx -> {
            if (!batch.isEmpty()) {
                staging.append(importId, batch);
            }
            staging.progress(importId, rows, percent, clock.instant());
        });
        stagingNanos += System.nanoTime() - start;
    }

    private void fail(String key, String argument) {
        try {
            transactions.executeWithoutResult(tx -> staging.failed(importId, key, argument, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Import {}: could not record the failure {}", importId, key, e);
        }
    }

    private static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
