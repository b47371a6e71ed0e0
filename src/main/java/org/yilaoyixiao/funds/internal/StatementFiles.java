package org.yilaoyixiao.funds.internal;

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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.api.ApiException;

/**
 * Reads a bank statement in the documented layout (docs/operations/funds-bank-statements.md): a header row, then one
 * movement per row in the columns 银行流水号, 交易时间, 金额, 收支方向, 对方账号, 用途; CSV in UTF-8 or the first sheet of
 * an xlsx workbook. All or nothing: every bad cell is reported with its row and column, and a file with any bad cell
 * is refused whole.
 */
@Component
class StatementFiles {

    static final int MAX_ROWS = 20_000;

    private final MessageSource messages;

    StatementFiles(MessageSource messages) {
        this.messages = messages;
    }

    record Parsed(String format, List<MovementInput> movements) {
    }

    Parsed read(String fileName, InputStream in) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<MovementParser.Raw> rows;
        String format;
        if (name.endsWith(".xlsx")) {
            format = "XLSX";
            rows = xlsx(in);
        } else if (name.endsWith(".csv")) {
            format = "CSV";
            rows = csv(in);
        } else {
            throw ApiException.validation("file", "FORMAT", "funds.import.format");
        }
        if (rows.isEmpty()) {
            throw ApiException.validation("file", "EMPTY", "funds.import.empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.validation("file", "TOO_MANY_ROWS", "funds.import.too-many-rows", MAX_ROWS);
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<MovementInput> movements = new ArrayList<>();
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MovementParser.Result result = MovementParser.parse(rows.get(i));
            int rowNumber = i + 2; // the header is row 1
            for (MovementParser.Problem p : result.problems()) {
                int column = MovementParser.FIELDS.indexOf(p.field()) + 1;
                problems.add(new ApiException.FieldProblem("row " + rowNumber + ", column " + column, p.code(),
                        "funds.import.cell", new Object[]{rowNumber, column,
                        messages.getMessage("funds.import.column." + p.field(), null, locale),
                        messages.getMessage(p.messageKey(), null, locale)}));
            }
            if (result.movement() != null) {
                movements.add(result.movement());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new Parsed(format, movements);
    }

    private static List<MovementParser.Raw> csv(InputStream in) throws IOException {
        List<MovementParser.Raw> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null) {
                return rows;
            }
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = splitCsv(line);
                rows.add(raw(i -> i < cells.size() ? cells.get(i) : null));
                if (rows.size() > MAX_ROWS) {
                    break;
                }
            }
        }
        return rows;
    }

    /** One CSV line (RFC 4180 quoting; no line breaks inside a field, which statements do not have). */
    static List<String> splitCsv(String line) {
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

    private static List<MovementParser.Raw> xlsx(InputStream in) throws IOException {
        List<MovementParser.Raw> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, formatter)) {
                    continue;
                }
                rows.add(raw(i -> {
                    Cell cell = row.getCell(i);
                    if (cell == null) {
                        return null;
                    }
                    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        return cell.getLocalDateTimeCellValue().format(local);
                    }
                    if (cell.getCellType() == CellType.NUMERIC && i == 2) {
                        return BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString();
                    }
                    return formatter.formatCellValue(cell);
                }));
                if (rows.size() > MAX_ROWS) {
                    break;
                }
            }
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.UnsupportedFileFormatException e) {
            throw ApiException.validation("file", "FORMAT", "funds.import.format");
        }
        return rows;
    }

    private static boolean isBlank(Row row, DataFormatter formatter) {
        for (int i = 0; i < MovementParser.FIELDS.size(); i++) {
            Cell cell = row.getCell(i);
            if (cell != null && !formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static MovementParser.Raw raw(java.util.function.IntFunction<String> cell) {
        return new MovementParser.Raw(cell.apply(0), cell.apply(1), cell.apply(2), cell.apply(3), cell.apply(4),
                cell.apply(5));
    }
}
