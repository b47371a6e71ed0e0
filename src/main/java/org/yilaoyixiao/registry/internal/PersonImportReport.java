package org.yilaoyixiao.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.platform.crypto.FieldCipher;

/**
 * The error report of an import: the rows that are not imported, in the template's columns and order, with an added
 * 错误 column giving the row number and the reasons. Written with SXSSF (a window of rows in memory), so a report of
 * 100,000 rows takes no more heap than one of ten. A corrected report can be uploaded again as it is.
 */
@Component
class PersonImportReport {

    private static final int WINDOW = 200;
    private final PersonImportStaging staging;
    private final PersonSheetFormat format;
    private final FieldCipher cipher;
    private final MessageSource messages;
    private final TransactionTemplate readOnly;

    PersonImportReport(PersonImportStaging staging, PersonSheetFormat format, FieldCipher cipher,
                       MessageSource messages, TransactionTemplate transactions) {
        this.staging = staging;
        this.format = format;
        this.cipher = cipher;
        this.messages = messages;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /**
     * @param fullIdNumbers the ID numbers as uploaded (for a corrected re-upload), only for users who may see them;
     *                      otherwise masked
     * @return the number of rows written
     */
    int write(long importId, boolean fullIdNumbers, Locale locale, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(messages.getMessage("person-import.report.sheet", null, locale));
            CellStyle header = SheetStyles.header(workbook);
            List<String> headers = new java.util.ArrayList<>(format.headers());
            headers.add(PersonSheetFormat.ERROR_HEADER);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, SheetStyles.width(headers.get(i), 14));
            }
            sheet.setColumnWidth(headers.size() - 1, 80 * 256);
            sheet.createFreezePane(0, 1);
            int[] written = {0};
            readOnly.executeWithoutResult(tx -> staging.eachProblem(importId, problem -> {
                Row row = sheet.createRow(++written[0]);
                String id = fullIdNumbers && problem.idNumberCipher() != null
                        ? cipher.decrypt(problem.idNumberCipher()) : problem.idNumberMasked();
                String[] cells = {id, problem.name(), problem.phone(), problem.residence(), problem.localHukou(),
                        problem.economicStatus(), problem.livingSituation(), problem.deathDate(),
                        reasons(problem, locale)};
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] != null && !cells[i].isEmpty()) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }));
            workbook.write(out);
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
        }
    }

    /** "第 5 行：身份证号码校验码不对，请核对是否输错。 …" */
    String reasons(StagedProblem problem, Locale locale) {
        return messages.getMessage("person-import.report.reasons",
                new Object[]{Integer.toString(problem.rowNumber()), reasonList(problem.problems(), locale)}, locale);
    }

    String reasonList(List<RowProblem> problems, Locale locale) {
        return problems.stream().map(p -> messages.getMessage(p.key(), p.arguments(), p.key(), locale))
                .collect(Collectors.joining(" "));
    }
}
