package org.yilaoyixiao.divisions.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionLevel;

/**
 * Loads a division list: every line is checked first, against the file and the tree already stored; only a file
 * without a single problem is applied, in one transaction. Re-importing the same file changes nothing; a changed
 * name or parent opens a new version from the line's {@code validFrom}.
 */
@Service
class DivisionImport {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DivisionImport(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public DivisionImportResult importCsv(byte[] content, String source, boolean synthetic) {
        DivisionCsvFormat.Parsed parsed = DivisionCsvFormat.parse(DivisionCsvFormat.decode(content));
        if (!parsed.problems().isEmpty()) {
            audit.record(AuditRecord.of("DIVISIONS_IMPORTED", "divisions", AuditOutcome.FAILURE,
                    "source=" + source + " problems=" + parsed.problems().size()));
            return DivisionImportResult.rejected(parsed.problems());
        }
        return apply(parsed.rows(), source, synthetic);
    }

    private DivisionImportResult apply(List<DivisionCsvFormat.Row> rows, String source, boolean synthetic) {
        List<DivisionImportProblem> problems = new ArrayList<>();
        Map<String, DivisionCsvFormat.Row> inFile = new HashMap<>();
        for (DivisionCsvFormat.Row row : rows) {
            if (inFile.putIfAbsent(row.code(), row) != null) {
                problems.add(new DivisionImportProblem(row.line(), "code", "division.import.duplicate", row.code(),
                        inFile.get(row.code()).line()));
            }
        }
        Map<String, List<Division>> history = history();
        List<DivisionCsvFormat.Row> toCreate = new ArrayList<>();
        List<DivisionCsvFormat.Row> toChange = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DivisionCsvFormat.Row row : rows) {
            if (!seen.add(row.code())) {
                continue;
            }
            checkParent(row, inFile, history).ifPresent(problems::add);
            List<Division> versions = history.getOrDefault(row.code(), List.of());
            if (versions.isEmpty()) {
                toCreate.add(row);
                continue;
            }
            if (versions.stream().anyMatch(v -> v.validFrom().equals(row.validFrom()) && sameContent(v, row))) {
                continue; // restates a version already stored
            }
            Division latest = versions.get(versions.size() - 1);
            if (latest.level() != row.level()) {
                problems.add(new DivisionImportProblem(row.line(), "level", "division.import.level-changed",
                        row.code(), latest.level().name()));
            } else if (latest.validTo() == null) {
                if (sameContent(latest, row)) {
                    continue;
                }
                if (row.validFrom().isAfter(latest.validFrom())) {
                    toChange.add(row);
                } else {
                    problems.add(new DivisionImportProblem(row.line(), "validFrom", "division.import.not-after",
                            row.code(), latest.validFrom().toString()));
                }
            } else if (sameContent(latest, row) && !row.validFrom().isAfter(latest.validFrom())) {
                continue; // a retired (or to-be-retired) division restated as it was
            } else if (!row.validFrom().isBefore(latest.validTo())) {
                toCreate.add(row); // a retired division comes back
            } else {
                // a retired division may come back, but not into the period of its own history
                problems.add(new DivisionImportProblem(row.line(), "validFrom", "division.import.retired",
                        row.code(), latest.validTo().toString()));
            }
        }
        if (!problems.isEmpty()) {
            audit.record(AuditRecord.of("DIVISIONS_IMPORTED", "divisions", AuditOutcome.FAILURE,
                    "source=" + source + " problems=" + problems.size()));
            return DivisionImportResult.rejected(problems);
        }
        for (DivisionCsvFormat.Row row : toChange) {
            jdbc.sql("update divisions.division set valid_to = :to where code = :code and valid_to is null")
                    .param("to", row.validFrom()).param("code", row.code()).update();
            insert(row, source, synthetic);
        }
        toCreate.forEach(row -> insert(row, source, synthetic));
        int unchanged = seen.size() - toCreate.size() - toChange.size();
        audit.record(AuditRecord.success("DIVISIONS_IMPORTED", "divisions", "source=" + source + " created="
                + toCreate.size() + " renamed=" + toChange.size() + " unchanged=" + unchanged));
        return new DivisionImportResult(toCreate.size(), toChange.size(), unchanged, List.of());
    }

    private static boolean sameContent(Division version, DivisionCsvFormat.Row row) {
        return version.level() == row.level() && version.name().equals(row.name())
                && Objects.equals(version.parentCode(), row.parentCode());
    }

    /** The parent must be in the file, or stored and still valid on the row's valid-from date. */
    private static Optional<DivisionImportProblem> checkParent(DivisionCsvFormat.Row row,
                                                               Map<String, DivisionCsvFormat.Row> inFile,
                                                               Map<String, List<Division>> history) {
        if (row.level() == DivisionLevel.COUNTY) {
            return Optional.empty();
        }
        DivisionLevel parentLevel = null;
        if (inFile.containsKey(row.parentCode())) {
            parentLevel = inFile.get(row.parentCode()).level();
        } else {
            for (Division version : history.getOrDefault(row.parentCode(), List.of())) {
                if (version.validTo() == null || version.validTo().isAfter(row.validFrom())) {
                    parentLevel = version.level();
                }
            }
        }
        if (parentLevel == null) {
            return Optional.of(new DivisionImportProblem(row.line(), "parentCode", "division.import.parent-unknown",
                    row.parentCode()));
        }
        if (parentLevel != row.level().parentLevel()) {
            return Optional.of(new DivisionImportProblem(row.line(), "parentCode", "division.import.parent-level",
                    row.parentCode(), row.level().parentLevel().name()));
        }
        return Optional.empty();
    }

    /** Every stored version, by code, oldest first. */
    private Map<String, List<Division>> history() {
        Map<String, List<Division>> history = new HashMap<>();
        jdbc.sql("select " + JdbcDivisionDirectory.COLUMNS + " from divisions.division order by code, valid_from")
                .query(JdbcDivisionDirectory::map).list()
                .forEach(d -> history.computeIfAbsent(d.code(), c -> new ArrayList<>()).add(d));
        return history;
    }

    private void insert(DivisionCsvFormat.Row row, String source, boolean synthetic) {
        jdbc.sql("""
                        insert into divisions.division (code, valid_from, name, level, parent_code, synthetic, source)
                        values (:code, :from, :name, :level, :parent, :synthetic, :source)
                        """)
                .param("code", row.code()).param("from", row.validFrom()).param("name", row.name())
                .param("level", row.level().name()).param("parent", row.parentCode())
                .param("synthetic", synthetic).param("source", source.length() > 300 ? source.substring(0, 300) : source)
                .update();
    }
}
