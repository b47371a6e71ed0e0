package org.yilaoyixiao.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * The empty people spreadsheet to fill in: the data sheet with the Chinese headers (ID number, phone and division
 * columns formatted as text, so that Excel does not turn an ID number into 3.31121E+17), drop-down lists for 是/否 and
 * the economic status, and a sheet of instructions in the reader's language.
 */
@Component
class PersonImportTemplate {

    static final String DATA_SHEET = "人员";
    /** Rows the drop-down lists cover. */
    private static final int LIST_ROWS = ImportValidationRun.MAX_ROWS;

    private final PersonSheetFormat format;
    private final MessageSource messages;

    PersonImportTemplate(PersonSheetFormat format, MessageSource messages) {
        this.format = format;
        this.messages = messages;
    }

    void write(OutputStream out, Locale locale) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = SheetStyles.header(workbook);
            CellStyle text = SheetStyles.text(workbook);
            Sheet data = workbook.createSheet(DATA_SHEET);
            List<String> headers = format.headers();
            Row row = data.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                row.createCell(i).setCellValue(headers.get(i));
                row.getCell(i).setCellStyle(header);
                data.setColumnWidth(i, SheetStyles.width(headers.get(i), 14));
                data.setDefaultColumnStyle(i, text);
            }
            data.createFreezePane(0, 1);
            DataValidationHelper validations = data.getDataValidationHelper();
            list(data, validations, PersonSheetFormat.Column.LOCAL_HUKOU,
                    new String[]{PersonSheetFormat.YES, PersonSheetFormat.NO});
            list(data, validations, PersonSheetFormat.Column.ECONOMIC_STATUS,
                    format.economicLabels().toArray(String[]::new));
            instructions(workbook, header, locale);
            workbook.write(out);
        }
    }

    private void list(Sheet sheet, DataValidationHelper helper, PersonSheetFormat.Column column, String[] values) {
        int at = column.ordinal();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, LIST_ROWS, at, at));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }

    private void instructions(XSSFWorkbook workbook, CellStyle header, Locale locale) {
        Sheet sheet = workbook.createSheet(message("person-import.template.sheet", locale));
        int r = 0;
        sheet.createRow(r++).createCell(0).setCellValue(message("person-import.template.title", locale));
        for (String key : List.of("person-import.template.note.header", "person-import.template.note.rows",
                "person-import.template.note.check", "person-import.template.note.duplicates",
                "person-import.template.note.scope", "person-import.template.note.limit")) {
            sheet.createRow(r++).createCell(0).setCellValue(message(key, locale, ImportValidationRun.MAX_ROWS));
        }
        r++;
        Row head = sheet.createRow(r++);
        String[] columns = {"person-import.template.column", "person-import.template.required",
                "person-import.template.rule", "person-import.template.example"};
        for (int i = 0; i < columns.length; i++) {
            head.createCell(i).setCellValue(message(columns[i], locale));
            head.getCell(i).setCellStyle(header);
        }
        String exampleId = "33112119420308002" + ResidentIdNumber.checkCharacter("33112119420308002");
        String[] examples = {exampleId, message("person-import.template.example-name", locale), "13905781234",
                "331121001901", PersonSheetFormat.YES, format.economicLabels().get(2),
                format.livingLabels().get(0) + "、" + format.livingLabels().get(2), "2024-01-31"};
        for (PersonSheetFormat.Column column : PersonSheetFormat.Column.values()) {
            Row row = sheet.createRow(r++);
            String rule = "person-import.template.rule." + column.name().toLowerCase(Locale.ROOT).replace('_', '-');
            row.createCell(0).setCellValue(format.header(column));
            row.createCell(1).setCellValue(message(column.required ? "person-import.template.required.yes"
                    : "person-import.template.required.no", locale));
            row.createCell(2).setCellValue(message(rule, locale, String.join("/", format.economicLabels()),
                    String.join("、", format.livingLabels())));
            row.createCell(3).setCellValue(examples[column.ordinal()]);
        }
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 8 * 256);
        sheet.setColumnWidth(2, 80 * 256);
        sheet.setColumnWidth(3, 22 * 256);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
