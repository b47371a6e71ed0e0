package org.yilaoyixiao.registry.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

/**
 * The staging tables of spreadsheet imports ({@code registry.person_import}, {@code registry.person_import_row}).
 * Rows go in with {@code COPY} and come out into {@code registry.person} with one {@code INSERT … SELECT}: a
 * 100,000-row file is never sent row by row.
 */
@Repository
class PersonImportStaging {

    static final String EXISTING = "person-import.row.existing";
    private static final String IMPORT_COLUMNS = "id, file_name, uploaded_by, scope_code, uploaded_at, status, "
            + "rows_read, percent_read, heartbeat_at, failure_key, failure_arg, valid_rows, invalid_rows, "
            + "duplicate_rows, existing_rows, validated_at, confirmed_at, created_rows, skipped_rows";
    private static final String PROBLEM_COLUMNS = "row_number, outcome, problems, id_number_masked, name, phone, "
            + "residence_division_code, local_hukou_text, economic_status_text, living_situation_text, death_date_text";
    private static final String PROBLEM_OUTCOMES = "outcome in ('INVALID', 'DUPLICATE_IN_FILE', 'EXISTING')";
    private static final String COPY = """
            copy registry.person_import_row (import_id, row_number, outcome, problems, id_number_cipher,
                id_number_index, id_number_masked, name, phone, residence_division_code, local_hukou_text,
                economic_status_text, living_situation_text, death_date_text, sex, birth_date, township_code,
                local_hukou, economic_status, living_situation, death_date, status)
            from stdin with (format csv)
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate streaming;

    PersonImportStaging(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // with a fetch size PostgreSQL streams through a cursor (inside a transaction) instead of loading all rows
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    long create(String fileName, String uploadedBy, String scopeCode, Instant now) {
        return jdbc.sql("""
                        insert into registry.person_import (file_name, uploaded_by, scope_code, uploaded_at, status,
                            heartbeat_at)
                        values (:file, :by, :scope, :now, 'VALIDATING', :now) returning id
                        """)
                .param("file", fileName).param("by", uploadedBy).param("scope", scopeCode)
                .param("now", PersonRepository.utc(now)).query(Long.class).single();
    }

    void progress(long id, int rowsRead, int percentRead, Instant now) {
        jdbc.sql("""
                        update registry.person_import set rows_read = :rows, percent_read = :percent, heartbeat_at = :now
                        where id = :id and status = 'VALIDATING'
                        """)
                .param("rows", rowsRead).param("percent", percentRead).param("now", PersonRepository.utc(now))
                .param("id", id).update();
    }

    /** Appends checked rows with COPY; call inside a transaction. */
    void append(long id, List<StagedRow> rows) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Staging rows are appended inside a transaction");
        }
        StringBuilder csv = new StringBuilder(rows.size() * 400);
        for (StagedRow row : rows) {
            StagingCsv.append(csv, id, row);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not stage import rows", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Valid rows whose ID number is registered already become EXISTING: one statement for the whole file. */
    int markExisting(long id) {
        return jdbc.sql("""
                        update registry.person_import_row r set outcome = 'EXISTING', problems = array[:existing]
                        from registry.person p
                        where r.import_id = :id and r.outcome = 'VALID' and p.id_number_index = r.id_number_index
                        """)
                .param("existing", EXISTING).param("id", id).update();
    }

    void validated(long id, Instant now) {
        jdbc.sql("""
                        update registry.person_import i set status = 'VALIDATED', validated_at = :now, heartbeat_at = :now,
                            percent_read = 100, rows_read = c.total, valid_rows = c.valid, invalid_rows = c.invalid,
                            duplicate_rows = c.duplicate, existing_rows = c.existing
                        from (select count(*) as total,
                                     count(*) filter (where outcome = 'VALID') as valid,
                                     count(*) filter (where outcome = 'INVALID') as invalid,
                                     count(*) filter (where outcome = 'DUPLICATE_IN_FILE') as duplicate,
                                     count(*) filter (where outcome = 'EXISTING') as existing
                              from registry.person_import_row where import_id = :id) c
                        where i.id = :id
                        """)
                .param("now", PersonRepository.utc(now)).param("id", id).update();
    }

    /** The file could not be read as a whole: no row of it is kept. */
    void failed(long id, String failureKey, String failureArg, Instant now) {
        jdbc.sql("delete from registry.person_import_row where import_id = :id").param("id", id).update();
        jdbc.sql("""
                        update registry.person_import set status = 'FAILED', failure_key = :key, failure_arg = :arg,
                            heartbeat_at = :now
                        where id = :id and status = 'VALIDATING'
                        """)
                .param("key", failureKey).param("arg", failureArg).param("now", PersonRepository.utc(now))
                .param("id", id).update();
    }

    Optional<ImportState> find(long id) {
        return jdbc.sql("select " + IMPORT_COLUMNS + " from registry.person_import where id = :id").param("id", id)
                .query(PersonImportStaging::map).optional();
    }

    /** The import, locked until the end of the transaction, so that two confirmations run one after the other. */
    Optional<ImportState> lock(long id) {
        return jdbc.sql("select " + IMPORT_COLUMNS + " from registry.person_import where id = :id for update")
                .param("id", id).query(PersonImportStaging::map).optional();
    }

    /**
     * Inserts all valid rows into {@code registry.person} in one statement. A number registered since validation
     * (by another import or a clerk) is skipped by the unique blind index, and its row marked EXISTING; after the
     * commit the VALID rows of an import are exactly the people it created.
     *
     * @return the number of people created
     */
    int commit(long id, int validRows, Instant now, String actor) {
        int created = jdbc.sql("""
                        insert into registry.person (id_number_cipher, id_number_index, id_number_masked, name, sex,
                            birth_date, phone, residence_division_code, township_code, local_hukou, economic_status,
                            living_situation, death_date, status, created_at, created_by, updated_at, updated_by)
                        select id_number_cipher, id_number_index, id_number_masked, name, sex, birth_date, phone,
                            residence_division_code, township_code, local_hukou, economic_status, living_situation,
                            death_date, status, :now, :actor, :now, :actor
                        from registry.person_import_row
                        where import_id = :id and outcome = 'VALID'
                        order by row_number
                        on conflict (id_number_index) do nothing
                        """)
                .param("now", PersonRepository.utc(now)).param("actor", actor).param("id", id).update();
        if (created < validRows) {
            // the few that lost the race: their person was not made by this statement (same instant, same user)
            jdbc.sql("""
                            update registry.person_import_row r set outcome = 'EXISTING', problems = array[:existing]
                            where r.import_id = :id and r.outcome = 'VALID' and not exists (
                                select 1 from registry.person p where p.id_number_index = r.id_number_index
                                    and p.created_at = :now and p.created_by = :actor)
                            """)
                    .param("existing", EXISTING).param("id", id).param("now", PersonRepository.utc(now))
                    .param("actor", actor).update();
        }
        return created;
    }

    void committed(long id, int created, int skipped, Instant now) {
        jdbc.sql("""
                        update registry.person_import set status = 'COMMITTED', confirmed_at = :now, created_rows = :created,
                            skipped_rows = :skipped, existing_rows = existing_rows + :skipped
                        where id = :id
                        """)
                .param("now", PersonRepository.utc(now)).param("created", created).param("skipped", skipped)
                .param("id", id).update();
    }

    PageResponse<StagedProblem> problems(long id, PageRequest page) {
        long total = jdbc.sql("select count(*) from registry.person_import_row where import_id = :id and "
                + PROBLEM_OUTCOMES).param("id", id).query(Long.class).single();
        List<StagedProblem> items = jdbc.sql("select " + PROBLEM_COLUMNS
                        + " from registry.person_import_row where import_id = :id and " + PROBLEM_OUTCOMES
                        + " order by row_number limit :limit offset :offset")
                .param("id", id).param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> problem(rs, null)).list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Every problem row in row order, streamed, with the encrypted ID number; call inside a transaction. */
    void eachProblem(long id, Consumer<StagedProblem> consumer) {
        streaming.query("select " + PROBLEM_COLUMNS + ", id_number_cipher from registry.person_import_row"
                        + " where import_id = :id and " + PROBLEM_OUTCOMES + " order by row_number",
                new MapSqlParameterSource("id", id),
                rs -> {
                    consumer.accept(problem(rs, rs.getBytes("id_number_cipher")));
                });
    }

    /** The people a committed import created (its VALID rows); call only for a COMMITTED import. */
    PageResponse<ImportedPerson> created(long id, PageRequest page) {
        long total = jdbc.sql("select count(*) from registry.person_import_row where import_id = :id"
                + " and outcome = 'VALID'").param("id", id).query(Long.class).single();
        List<ImportedPerson> items = jdbc.sql("""
                        select r.row_number, p.id as person_id, p.id_number_masked, p.name, p.residence_division_code
                        from registry.person_import_row r
                        join registry.person p on p.id_number_index = r.id_number_index
                        where r.import_id = :id and r.outcome = 'VALID'
                        order by r.row_number limit :limit offset :offset
                        """)
                .param("id", id).param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> new ImportedPerson(rs.getInt("row_number"), rs.getLong("person_id"),
                        rs.getString("id_number_masked"), rs.getString("name"),
                        rs.getString("residence_division_code")))
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Forgets imports uploaded before a moment, staged rows included (they hold personal data). */
    int purgeUploadedBefore(Instant before) {
        return jdbc.sql("delete from registry.person_import where uploaded_at < :before and status <> 'VALIDATING'")
                .param("before", PersonRepository.utc(before)).update();
    }

    /** Imports whose validating thread has given no sign of life since a moment: it died with its JVM. */
    List<Long> stalledSince(Instant heartbeatBefore) {
        return jdbc.sql("select id from registry.person_import where status = 'VALIDATING' and heartbeat_at < :before")
                .param("before", PersonRepository.utc(heartbeatBefore)).query(Long.class).list();
    }

    private static StagedProblem problem(ResultSet rs, byte[] cipher) throws SQLException {
        Array array = rs.getArray("problems");
        List<RowProblem> problems = array == null ? List.of()
                : Arrays.stream((Object[]) array.getArray()).map(Object::toString).map(RowProblem::decode).toList();
        return new StagedProblem(rs.getInt("row_number"), RowOutcome.valueOf(rs.getString("outcome")), problems,
                rs.getString("id_number_masked"), cipher, rs.getString("name"), rs.getString("phone"),
                rs.getString("residence_division_code"), rs.getString("local_hukou_text"),
                rs.getString("economic_status_text"), rs.getString("living_situation_text"),
                rs.getString("death_date_text"));
    }

    private static ImportState map(ResultSet rs, int row) throws SQLException {
        return new ImportState(rs.getLong("id"), rs.getString("file_name"), rs.getString("uploaded_by"),
                rs.getString("scope_code"), instant(rs, "uploaded_at"), ImportStatus.valueOf(rs.getString("status")),
                rs.getInt("rows_read"), rs.getInt("percent_read"), instant(rs, "heartbeat_at"),
                rs.getString("failure_key"), rs.getString("failure_arg"), rs.getInt("valid_rows"),
                rs.getInt("invalid_rows"), rs.getInt("duplicate_rows"), rs.getInt("existing_rows"),
                instant(rs, "validated_at"), instant(rs, "confirmed_at"), rs.getInt("created_rows"),
                rs.getInt("skipped_rows"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** PostgreSQL's CSV format for COPY: every text quoted, null as an empty unquoted field. */
    static final class StagingCsv {

        private static final HexFormat HEX = HexFormat.of();

        private StagingCsv() {
        }

        static void append(StringBuilder csv, long importId, StagedRow row) {
            PersonSheetFormat.SheetRow cells = row.cells();
            PersonValidation.ValidPerson person = row.person();
            csv.append(importId).append(',').append(row.rowNumber()).append(',').append(row.outcome().name());
            csv.append(',');
            text(csv, problems(row.problems()));
            csv.append(',');
            bytes(csv, row.idNumberCipher());
            csv.append(',');
            bytes(csv, row.idNumberIndex());
            csv.append(',');
            text(csv, row.idNumberMasked());
            csv.append(',');
            text(csv, person != null ? person.name() : cells.name());
            csv.append(',');
            text(csv, person != null ? person.phone() : cells.phone());
            csv.append(',');
            text(csv, person != null ? person.residence().code() : cells.residence());
            for (String cell : List.of(cells.localHukou(), cells.economicStatus(), cells.livingSituation(),
                    cells.deathDate())) {
                csv.append(',');
                text(csv, cell);
            }
            if (person == null) {
                csv.append(",,,,,,,,\n");
                return;
            }
            csv.append(',').append(person.idNumber().sex().name());
            csv.append(',').append(person.idNumber().birthDate());
            csv.append(',');
            text(csv, person.townshipCode());
            csv.append(',').append(person.localHukou());
            csv.append(',').append(person.economicStatus().name());
            csv.append(',');
            text(csv, PersonRepository.arrayLiteral(person.livingSituation()));
            csv.append(',');
            if (person.deathDate() != null) {
                csv.append(person.deathDate());
            }
            csv.append(',').append(person.status().name()).append('\n');
        }

        /** An array literal with every element quoted: {@code {"key","key|argument"}}. */
        static String problems(List<RowProblem> problems) {
            StringBuilder literal = new StringBuilder("{");
            for (RowProblem problem : problems) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                literal.append('"').append(problem.encoded().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            return literal.append('}').toString();
        }

        private static void text(StringBuilder csv, String value) {
            if (value == null) {
                return;
            }
            csv.append('"').append(value.replace("\"", "\"\"")).append('"');
        }

        private static void bytes(StringBuilder csv, byte[] value) {
            if (value != null) {
                csv.append("\\x").append(HEX.formatHex(value));
            }
        }
    }
}
