package org.yilaoyixiao.assessment.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.yilaoyixiao.platform.spreadsheet.UnreadableSpreadsheetException;
import org.yilaoyixiao.platform.spreadsheet.XlsxRowReader;

/**
 * The layout of a legacy-results sheet (docs/operations/legacy-assessments-import.md) and its reading: the first sheet
 * of an xlsx/xls workbook, or a CSV file (UTF-8, with or without BOM, or GB18030 as saved by Chinese Excel). Row 1
 * holds the column titles, in any order; every later non-empty row is one result. Cells are read as the text a clerk
 * sees; dates typed as Excel dates come as yyyy-MM-dd.
 */
final class LegacySheet {

    static final String ID_NUMBER = "身份证号";
    static final String NAME = "姓名";
    static final String ASSESSED_ON = "评估日期";
    static final String LEVEL = "评估等级";
    static final String ADL_SCORE = "日常生活活动得分";
    static final String MENTAL_LEVEL = "精神状态等级";
    static final String PERCEPTION_LEVEL = "感知觉与沟通等级";
    static final String SOCIAL_LEVEL = "社会参与等级";
    static final String ASSESSED_BY = "评估机构";
    static final String NOTE = "备注";
    static final List<String> COLUMNS = List.of(ID_NUMBER, NAME, ASSESSED_ON, LEVEL, ADL_SCORE, MENTAL_LEVEL,
            PERCEPTION_LEVEL, SOCIAL_LEVEL, ASSESSED_BY, NOTE);
    static final List<String> REQUIRED = List.of(ID_NUMBER, NAME, ASSESSED_ON, LEVEL);
    static final int MAX_ROWS = 20_000;

    /** A row as read: its number in the sheet (1 = the title row) and its cells by column title. */
    record RawRow(int number, Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column, "").strip();
        }
    }

    /** The sheet could not be read at all; the message key says why. */
    static final class Unreadable extends Exception {
        private final String messageKey;
        private final Object[] args;

        Unreadable(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = args;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] args() {
            return args;
        }
    }

    private LegacySheet() {
    }

    static List<RawRow> read(String fileName, byte[] content) throws Unreadable {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> table = name.endsWith(".csv") ? csv(content) : workbook(content);
        if (table.isEmpty()) {
            throw new Unreadable("assessment.legacy.empty");
        }
        List<String> titles = table.get(0).stream().map(String::strip).toList();
        List<String> missing = REQUIRED.stream().filter(c -> !titles.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("assessment.legacy.missing-columns", String.join("、", missing));
        }
        List<RawRow> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> values = table.get(i);
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < titles.size() && c < values.size(); c++) {
                if (COLUMNS.contains(titles.get(c))) {
                    cells.put(titles.get(c), values.get(c) == null ? "" : values.get(c));
                }
            }
            rows.add(new RawRow(i + 1, cells));
        }
        if (rows.isEmpty()) {
            throw new Unreadable("assessment.legacy.empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw new Unreadable("assessment.legacy.too-many-rows", Integer.toString(MAX_ROWS));
        }
        return rows;
    }

    private static List<List<String>> workbook(byte[] content) throws Unreadable {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K') {
            return xlsx(content);
        }
        // the old binary .xls: at most 256 columns and 65,536 rows by its format, read whole
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        values.add(text(row.getCell(c), formatter));
                    }
                }
                table.add(values);
            }
            return table;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("assessment.legacy.unreadable");
        }
    }

    /** An xlsx is streamed with the platform's caps: a sheet that claims millions of columns is refused, not built. */
    private static List<List<String>> xlsx(byte[] content) throws Unreadable {
        List<List<String>> table = new ArrayList<>();
        java.nio.file.Path copy = null;
        try {
            copy = java.nio.file.Files.createTempFile("yly-legacy-", ".xlsx");
            java.nio.file.Files.write(copy, content);
            XlsxRowReader.read(copy, (rowNumber, cells, fraction) -> {
                while (table.size() < rowNumber - 1) {
                    table.add(List.of());
                }
                table.add(List.copyOf(cells));
                if (table.size() > MAX_ROWS + 1) {
                    throw new UnreadableSpreadsheetException("too many rows", null);
                }
            });
            return table;
        } catch (UnreadableSpreadsheetException e) {
            if (table.size() > MAX_ROWS + 1) {
                throw new Unreadable("assessment.legacy.too-many-rows", Integer.toString(MAX_ROWS));
            }
            throw new Unreadable("assessment.legacy.unreadable");
        } catch (IOException e) {
            throw new Unreadable("assessment.legacy.unreadable");
        } finally {
            if (copy != null) {
                try {
                    java.nio.file.Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell);
    }

    private static List<List<String>> csv(byte[] content) throws Unreadable {
        String text = decode(content);
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                table.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new Unreadable("assessment.legacy.unreadable");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            table.add(row);
        }
        return table;
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }
}
