package org.yilaoyixiao.platform.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list page's rows as an Excel sheet a clerk can sort and sum: a bold header row, then one row per record with
 * typed cells — whole numbers and amounts as numbers, dates as dates, everything else (ID numbers, codes, names) as
 * text, so that Excel neither rounds an ID number nor sorts a number as text. Written streaming, a few hundred rows in
 * memory at a time.
 */
public final class ListSheet implements AutoCloseable {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle amountStyle;
    private final CellStyle textStyle;
    private int nextRow;

    public ListSheet(String sheetName, List<String> headers) {
        this.sheet = workbook.createSheet(sheetName);
        this.dateStyle = style("yyyy-mm-dd");
        this.dateTimeStyle = style("yyyy-mm-dd hh:mm");
        this.amountStyle = style("#,##0.00");
        this.textStyle = style("@");
        CellStyle headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        Row header = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            // wide enough for the heading and a date or an ID number; measuring every cell would cost more
            sheet.setColumnWidth(i, Math.max(14, headers.get(i).length() * 2 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Appends one row; null cells stay empty. */
    public void add(List<?> values) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal amount) {
                cell.setCellValue(amount.doubleValue());
                cell.setCellStyle(amountStyle);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                cell.setCellValue(((Number) value).longValue());
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(dateTimeStyle);
            } else if (value instanceof Instant instant) {
                cell.setCellValue(LocalDateTime.ofInstant(instant, BUSINESS_ZONE));
                cell.setCellStyle(dateTimeStyle);
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else {
                // YearMonth, enums already turned into words, ID numbers, codes: text
                cell.setCellValue(value.toString());
                cell.setCellStyle(textStyle);
            }
        }
    }

    /** The number of rows written, header excluded. */
    public int rows() {
        return nextRow - 1;
    }

    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the temporary files are already disposed of
        }
    }

    private CellStyle style(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
