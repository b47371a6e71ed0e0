package org.yilaoyixiao.subsidies.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * The payment list (发放名册) of one-time subsidies approved in a year, as xlsx or CSV: one row per approved
 * application in the reader's scope (institutions and providers: no personal data), every export audited.
 */
@Component
class GrantPaymentList {

    private static final String[] HEADERS = {"subsidies.list.no", "subsidies.list.township", "subsidies.grant.subject",
            "subsidies.grant.programme-column", "subsidies.grant.approved-on", "subsidies.grant.prepared-by",
            "subsidies.grant.decided-by", "subsidies.list.amount"};

    private final GrantApplications grants;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final MessageSource messages;

    GrantPaymentList(GrantApplications grants, DivisionDirectory divisions, AuditTrail audit, MessageSource messages) {
        this.grants = grants;
        this.divisions = divisions;
        this.audit = audit;
        this.messages = messages;
    }

    String fileName(int year, String extension) {
        return "payment-list-one-time-subsidies-" + year + "." + extension;
    }

    private List<String[]> rows(int year, CurrentUser actor, Locale locale, ZoneId zone) {
        Map<String, String> names = new HashMap<>();
        List<GrantApplications.Grant> approved = grants.approvedIn(year, actor);
        java.util.ArrayList<String[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < approved.size(); i++) {
            GrantApplications.Grant g = approved.get(i);
            rows.add(new String[] {String.valueOf(i + 1),
                    names.computeIfAbsent(g.townshipCode(), c -> divisions.find(c).map(Division::name).orElse(c)),
                    g.subjectName(), messages.getMessage("subsidies.programme." + g.programme(), null, locale),
                    g.decidedAt().atZone(zone).toLocalDate().toString(), g.preparedBy(), g.decidedBy(),
                    g.amount().toPlainString()});
        }
        return rows;
    }

    void csv(int year, CurrentUser actor, Locale locale, ZoneId zone, OutputStream out) throws IOException {
        audit.record(AuditRecord.success("SUBSIDY_GRANT_LIST_EXPORTED", "subsidy-grants:" + year, "CSV"));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel opens the UTF-8 file with the Chinese intact
        String[] header = new String[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            header[i] = messages.getMessage(HEADERS[i], null, locale);
        }
        writer.write(String.join(",", header) + "\r\n");
        for (String[] row : rows(year, actor, locale, zone)) {
            String[] cells = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                cells[i] = i == 0 || i == row.length - 1 ? row[i] : PaymentList.csvText(row[i] == null ? "" : row[i]);
            }
            writer.write(String.join(",", cells) + "\r\n");
        }
        writer.flush();
    }

    void xlsx(int year, CurrentUser actor, Locale locale, ZoneId zone, OutputStream out) throws IOException {
        audit.record(AuditRecord.success("SUBSIDY_GRANT_LIST_EXPORTED", "subsidy-grants:" + year, "Excel"));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(String.valueOf(year));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            sheet.createRow(0).createCell(0).setCellValue(messages.getMessage("subsidies.grant.list-title",
                    new Object[] {String.valueOf(year)}, locale));
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(HEADERS[i], null, locale));
            }
            int r = 2;
            for (String[] row : rows(year, actor, locale, zone)) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(Integer.parseInt(row[0]));
                for (int i = 1; i < row.length - 1; i++) {
                    line.createCell(i).setCellValue(row[i]);
                }
                Cell amount = line.createCell(row.length - 1);
                amount.setCellValue(new java.math.BigDecimal(row[row.length - 1]).doubleValue());
                amount.setCellStyle(money);
            }
            workbook.write(out);
        }
    }
}
