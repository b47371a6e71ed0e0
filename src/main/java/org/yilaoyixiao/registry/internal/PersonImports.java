package org.yilaoyixiao.registry.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Spreadsheet imports of people: upload → checked in the background into staging → report → the uploader confirms →
 * all valid rows inserted in one transaction, with one audit record. An import is visible to its uploader only.
 */
@Service
class PersonImports {

    /** A validating thread that gave no sign of life for this long died with its JVM. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(PersonImports.class);

    private final PersonImportStaging staging;
    private final PersonSheetFormat format;
    private final PersonImportReport report;
    private final DivisionDirectory divisions;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retention;
    /** Its own small pool: imports are rare and heavy, and must not take the threads of anything else. */
    private final ExecutorService validators;


    PersonImports(PersonImportStaging staging, PersonSheetFormat format, PersonImportReport report,
                  DivisionDirectory divisions,
                  FieldCipher cipher, BlindIndex blindIndex, AuditTrail audit, TransactionTemplate transactions,
                  Clock clock, @Value("${yly.registry.import.retention:7d}") Duration retention,
                  @Value("${yly.registry.import.threads:2}") int threads) {
        this.staging = staging;
        this.format = format;
        this.report = report;
        this.divisions = divisions;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
        AtomicInteger sequence = new AtomicInteger();
        this.validators = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "person-import-" + sequence.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stores the upload and starts checking it; returns at once with the import in VALIDATING. */
    ImportState upload(String fileName, InputStream content, CurrentUser actor) {
        Path file = null;
        try {
            file = Files.createTempFile("person-import-", ".xlsx");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            if (!looksLikeXlsx(file)) {
                deleteQuietly(file);
                throw ApiException.validation("file", "NOT_XLSX", "person-import.file.not-xlsx");
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("Could not store the uploaded file", e);
        }
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx"
                : fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
        long id = staging.create(name, actor.username(), actor.divisionCode(), clock.instant());
        ImportRowValidator validator = new ImportRowValidator(format, new RememberingDivisions(divisions), clock,
                actor.divisionCode(), cipher, blindIndex);
        // the answer is the import as accepted, read before the check starts: a small file's check may finish before
        // a later read, and the caller is told VALIDATING whatever the timing
        ImportState accepted = staging.find(id).orElseThrow();
        try {
            validators.execute(new ImportValidationRun(id, file, format, validator, staging, transactions, clock));
        } catch (RejectedExecutionException shuttingDown) {
            deleteQuietly(file);
            staging.failed(id, "person-import.failure.internal", null, clock.instant());
            return staging.find(id).orElseThrow();
        }
        return accepted;
    }

    /** The uploader's import; anyone else's does not exist for them (404). */
    ImportState find(long id, CurrentUser actor) {
        ImportState state = staging.find(id).filter(i -> i.uploadedBy().equals(actor.username()))
                .orElseThrow(() -> ApiException.notFound("person-import.not-found", id));
        if (state.status() == ImportStatus.VALIDATING
                && state.heartbeatAt().isBefore(clock.instant().minus(STALLED_AFTER))) {
            staging.failed(id, "person-import.failure.interrupted", null, clock.instant());
            return staging.find(id).orElseThrow();
        }
        return state;
    }

    PageResponse<StagedProblem> problems(long id, PageRequest page, CurrentUser actor) {
        find(id, actor);
        return staging.problems(id, page);
    }

    PageResponse<ImportedPerson> created(long id, PageRequest page, CurrentUser actor) {
        if (find(id, actor).status() != ImportStatus.COMMITTED) {
            return new PageResponse<>(java.util.List.of(), page.page(), page.size(), 0);
        }
        return staging.created(id, page);
    }

    /**
     * Inserts every valid row in one transaction with one audit record. Confirming again returns the same result
     * and creates nothing; an ID number registered meanwhile is skipped.
     */
    ImportState confirm(long id, CurrentUser actor) {
        find(id, actor);
        return transactions.execute(tx -> {
            ImportState state = staging.lock(id).orElseThrow();
            if (state.status() == ImportStatus.COMMITTED) {
                return state;
            }
            if (state.status() != ImportStatus.VALIDATED) {
                throw ApiException.conflict("person-import.not-validated", id);
            }
            if (!state.scopeCode().equals(actor.divisionCode())) {
                throw ApiException.conflict("person-import.scope-changed", id);
            }
            int created = staging.commit(id, state.validRows(), clock.instant(), actor.username());
            int skipped = state.validRows() - created;
            staging.committed(id, created, skipped, clock.instant());
            audit.record(AuditRecord.success("PERSONS_IMPORTED", "person-import:" + id,
                    "file=" + state.fileName() + " rows=" + state.dataRows() + " created=" + created
                            + " skippedExisting=" + (state.existingRows() + skipped) + " invalid="
                            + state.invalidRows() + " duplicateInFile=" + state.duplicateRows()));
            return staging.find(id).orElseThrow();
        });
    }

    /**
     * Writes the error report. The ID numbers are in full (so that the report can be corrected and uploaded again)
     * only when the user may see full numbers; that download is audited like any other reveal.
     */
    int writeReport(long id, CurrentUser actor, boolean fullIdNumbers, Locale locale, OutputStream out) {
        ImportState state = find(id, actor);
        if (state.status() != ImportStatus.VALIDATED && state.status() != ImportStatus.COMMITTED) {
            throw ApiException.conflict("person-import.not-validated", id);
        }
        int rows = report.write(id, fullIdNumbers, locale, out);
        audit.record(AuditRecord.success("PERSON_IMPORT_REPORT_EXPORTED", "person-import:" + id,
                "rows=" + rows + " fullIdNumbers=" + fullIdNumbers));
        return rows;
    }

    /** Staging holds personal data: imports are forgotten after the retention period (default 7 days). */
    @Scheduled(cron = "${yly.registry.import.purge-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    void purge() {
        int purged = staging.purgeUploadedBefore(clock.instant().minus(retention));
        staging.stalledSince(clock.instant().minus(STALLED_AFTER)).forEach(id ->
                staging.failed(id, "person-import.failure.interrupted", null, clock.instant()));
        if (purged > 0) {
            log.info("Purged {} person imports older than {}", purged, retention);
        }
    }

    @PreDestroy
    void stop() {
        validators.shutdownNow();
    }

    /** An xlsx file is a zip archive: anything else (a CSV, an old .xls) is refused before it is queued. */
    private static boolean looksLikeXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
