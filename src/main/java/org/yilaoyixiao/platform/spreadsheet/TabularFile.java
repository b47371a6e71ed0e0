package org.yilaoyixiao.platform.spreadsheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A small uploaded table — CSV in UTF-8 (RFC 4180 quoting, no line breaks inside a field) or the first sheet of an
 * xlsx workbook — as rows of cell texts, header row first, blank rows skipped. For files of thousands of rows (bank
 * statements, data-exchange feeds); the registry's import of hundreds of thousands of rows streams instead
 * ({@code XlsxRowReader}). Date cells read as {@code yyyy-MM-dd HH:mm:ss}; numeric cells in the given decimal columns
 * as plain decimals, other cells as Excel shows them.
 */
public final class TabularFile {

    public enum Format { CSV, XLSX }

    /** Not a readable CSV or xlsx file. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TabularFile() {
    }

    /** The format by the file name's extension, or null when neither. */
    public static Format formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        return name.endsWith(".csv") ? Format.CSV : null;
    }

    /** The header and at most {@code maxRows} further rows (one more when the file has more, to tell). */
    public static List<List<String>> read(Format format, InputStream in, int maxRows, Set<Integer> decimalColumns)
            throws IOException {
        return format == Format.XLSX ? xlsx(in, maxRows, decimalColumns) : csv(in, maxRows);
    }

    private static List<List<String>> csv(InputStream in, int maxRows) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // Excel's "CSV UTF-8" starts with a byte-order mark
                }
                first = false;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(splitCsv(line));
                if (rows.size() > maxRows + 1) {
                    break;
                }
            }
        }
        return rows;
    }

    /** One CSV line (RFC 4180 quoting; no line breaks inside a field). */
    public static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static List<List<String>> xlsx(InputStream in, int maxRows, Set<Integer> decimalColumns)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getLastCellNum() < 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(text(row.getCell(i), i, formatter, decimalColumns));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(cells);
                if (rows.size() > maxRows + 1) {
                    break;
                }
            }
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new Unreadable("not an xlsx file", e);
        }
        return rows;
    }

    private static String text(Cell cell, int column, DataFormatter formatter, Set<Integer> decimalColumns) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().format(DATE_TIME);
        }
        if (cell.getCellType() == CellType.NUMERIC && decimalColumns.contains(column)) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString();
        }
        return formatter.formatCellValue(cell);
    }
}
