package org.yilaoyixiao.subsidies.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * The payment list of an approved run (发放名册) as xlsx or CSV: one row per line in the reader's scope, ID numbers
 * masked, every export audited.
 */
@Component
class PaymentList {

    private static final String[] HEADERS = {"subsidies.list.no", "subsidies.list.township", "subsidies.list.name",
            "subsidies.list.id-number", "subsidies.list.kind", "subsidies.list.for-month", "subsidies.list.amount"};

    private final RunQueries queries;
    private final SubsidyRuns runs;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final MessageSource messages;

    PaymentList(RunQueries queries, SubsidyRuns runs, DivisionDirectory divisions, AuditTrail audit,
                MessageSource messages) {
        this.queries = queries;
        this.runs = runs;
        this.divisions = divisions;
        this.audit = audit;
        this.messages = messages;
    }

    RunRecord approvedRun(long runId) {
        RunRecord run = runs.find(runId).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", runId));
        if (!"APPROVED".equals(run.status())) {
            throw ApiException.conflict("subsidies.list.not-approved");
        }
        return run;
    }

    String fileName(RunRecord run, String extension) {
        return "payment-list-" + run.programme().toLowerCase().replace('_', '-') + "-" + run.monthText() + "."
                + extension;
    }

    private String township(java.util.Map<String, String> names, String code) {
        return names.computeIfAbsent(code, c -> divisions.find(c).map(Division::name).orElse(c));
    }

    void csv(RunRecord run, CurrentUser actor, Locale locale, OutputStream out) throws IOException {
        audit.record(AuditRecord.success("SUBSIDY_PAYMENT_LIST_EXPORTED", "subsidy-run:" + run.id(), "CSV"));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel opens the UTF-8 file with the Chinese intact
        String[] header = new String[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            header[i] = messages.getMessage(HEADERS[i], null, locale);
        }
        writer.write(String.join(",", header) + "\r\n");
        java.util.Map<String, String> names = new java.util.HashMap<>();
        int[] no = {0};
        queries.eachLine(run.id(), actor, line -> {
            try {
                writer.write(String.join(",", String.valueOf(++no[0]), csvText(township(names, line.townshipCode())),
                        csvText(line.name()), csvText(line.idNumberMasked() == null ? "" : line.idNumberMasked()),
                        csvText(messages.getMessage("subsidies.kind." + line.kind(), null, locale)),
                        line.forMonth().toString().substring(0, 7), line.amount().toPlainString()) + "\r\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    /** A quoted CSV cell; a leading =, +, - or @ is neutralised so that Excel never runs data as a formula. */
    static String csvText(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe; // no formulas from data
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    void xlsx(RunRecord run, CurrentUser actor, Locale locale, OutputStream out) throws IOException {
        audit.record(AuditRecord.success("SUBSIDY_PAYMENT_LIST_EXPORTED", "subsidy-run:" + run.id(), "Excel"));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet(run.monthText());
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(messages.getMessage("subsidies.list.title",
                    new Object[] {messages.getMessage("subsidies.programme." + run.programme(), null, locale),
                            run.monthText(), run.preparedBy(), run.approvedBy()}, locale));
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(HEADERS[i], null, locale));
            }
            java.util.Map<String, String> names = new java.util.HashMap<>();
            int[] row = {2};
            queries.eachLine(run.id(), actor, line -> {
                Row r = sheet.createRow(row[0]);
                r.createCell(0).setCellValue(row[0] - 1);
                r.createCell(1).setCellValue(township(names, line.townshipCode()));
                r.createCell(2).setCellValue(line.name());
                r.createCell(3).setCellValue(line.idNumberMasked() == null ? "" : line.idNumberMasked());
                r.createCell(4).setCellValue(messages.getMessage("subsidies.kind." + line.kind(), null, locale));
                r.createCell(5).setCellValue(line.forMonth().toString().substring(0, 7));
                Cell amount = r.createCell(6);
                amount.setCellValue(line.amount().doubleValue());
                amount.setCellStyle(money);
                row[0]++;
            });
            workbook.write(out);
        }
    }
}
