package org.yilaoyixiao.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * A filtered list of people (the criteria of {@link PersonSearch}, within the user's scope) as an xlsx file. ID numbers
 * appear masked only: the export reads {@code id_number_masked} and never the ciphertext. Rows are streamed from a
 * database cursor into SXSSF, so exporting a whole county takes no more heap than a page; every export is audited
 * with its criteria and row count.
 */
@Component
class PersonExport {

    /** An xlsx sheet holds 1,048,576 rows; a larger list must be narrowed down. */
    static final int MAX_ROWS = 1_000_000;
    private static final int WINDOW = 200;

    private final PersonSearch search;
    private final DivisionDirectory divisions;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    PersonExport(PersonSearch search, DivisionDirectory divisions, JdbcClient jdbc, DataSource dataSource,
                 TransactionTemplate transactions, MessageSource messages, AuditTrail audit, Clock clock) {
        this.search = search;
        this.divisions = divisions;
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** "人员名单-331121-20261129.xlsx": the scope and the day, so that files from different offices do not mix. */
    static String fileName(CurrentUser actor, LocalDate today) {
        return "人员名单-" + actor.divisionCode() + "-" + today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + ".xlsx";
    }

    String fileName(CurrentUser actor) {
        return fileName(actor, BusinessTime.today(clock));
    }

    /** Refuses (400) a list too long for one sheet before anything is written. */
    PersonSearch.Query query(PersonSearch.Criteria criteria, CurrentUser actor) {
        PersonSearch.Query query = search.query(criteria, actor);
        if (query != null) {
            long total = jdbc.sql("select count(*) from registry.person" + query.where()).params(query.params())
                    .query(Long.class).single();
            if (total > MAX_ROWS) {
                throw ApiException.validation("division", "TOO_MANY", "person-export.too-many", total, MAX_ROWS);
            }
        }
        return query;
    }

    /** Writes the list; returns the number of people written. */
    int write(PersonSearch.Criteria criteria, PersonSearch.Query query, CurrentUser actor, Locale locale,
              OutputStream out) {
        LocalDate today = BusinessTime.today(clock);
        Map<String, String> divisionNames = new HashMap<>();
        for (Division d : divisions.subtree(actor.divisionCode())) {
            divisionNames.put(d.code(), d.name());
        }
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        int[] written = {0};
        boolean complete = false;
        try {
            SXSSFSheet sheet = workbook.createSheet(message("person-export.sheet", locale));
            CellStyle header = SheetStyles.header(workbook);
            List<String> headers = List.of("id-number", "name", "sex", "birth-date", "age", "category", "phone",
                            "residence-code", "residence", "local-hukou", "economic-status", "living-situation",
                            "death-date", "status").stream()
                    .map(key -> message("person-export.column." + key, locale)).toList();
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, SheetStyles.width(headers.get(i), i == 0 ? 22 : 12));
            }
            sheet.createFreezePane(0, 1);
            if (query != null) {
                readOnly.executeWithoutResult(tx -> streaming.query("select " + PersonRepository.COLUMNS
                                + " from registry.person" + query.where() + " order by residence_division_code, name, id",
                        query.params(), rs -> {
                            PersonRecord p = PersonRepository.map(rs, written[0]);
                            Row row = sheet.createRow(++written[0]);
                            String[] cells = {p.idNumberMasked(), p.name(), message("sex." + p.sex().name(), locale),
                                    p.birthDate().toString(), Integer.toString(p.ageOn(today)),
                                    message("category." + p.categoryOn(today).name(), locale), p.phone(),
                                    p.residenceDivisionCode(), divisionNames.get(p.residenceDivisionCode()),
                                    message(p.localHukou() ? "person-export.yes" : "person-export.no", locale),
                                    message(p.economicStatus().labelKey(), locale),
                                    p.livingSituation().stream().map(f -> message(f.labelKey(), locale))
                                            .collect(Collectors.joining("、")),
                                    p.deathDate() == null ? null : p.deathDate().toString(),
                                    message(p.status().labelKey(), locale)};
                            for (int i = 0; i < cells.length; i++) {
                                if (cells[i] != null) {
                                    row.createCell(i).setCellValue(cells[i]);
                                }
                            }
                        }));
            }
            workbook.write(out);
            complete = true;
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are already gone
            }
            audit.record(AuditRecord.of("PERSONS_EXPORTED", "persons",
                    complete ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    PersonSearch.describe(criteria) + " rows=" + written[0]));
        }
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
