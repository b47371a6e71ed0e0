package org.yilaoyixiao.platform.spreadsheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small uploaded table — CSV in UTF-8 (RFC 4180 quoting, no line breaks inside a field) or the first sheet of an
 * xlsx workbook — as rows of cell texts, header row first, blank rows skipped. For files of thousands of rows (bank
 * statements, data-exchange feeds); the registry's import of hundreds of thousands of rows reads row by row
 * with {@link XlsxRowReader} directly. The xlsx is streamed too, with its caps (no workbook is ever built from an
 * upload). Date cells read as {@code yyyy-MM-dd HH:mm:ss}; numbers as plain decimals ({@link CellTexts}); text as typed.
 */
public final class TabularFile {

    public enum Format { CSV, XLSX }

    /** Not a readable CSV or xlsx file. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

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
    public static List<List<String>> read(Format format, InputStream in, int maxRows) throws IOException {
        return format == Format.XLSX ? xlsx(in, maxRows) : csv(in, maxRows);
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

    /** Streams the first sheet from a temporary copy (POI reads a zip from a file without holding it inflated). */
    private static List<List<String>> xlsx(InputStream in, int maxRows) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        Path copy = Files.createTempFile("yly-upload-", ".xlsx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            XlsxRowReader.read(copy, true, (rowNumber, cells, fraction) -> {
                if (cells.stream().allMatch(String::isBlank)) {
                    return;
                }
                rows.add(List.copyOf(cells));
                if (rows.size() > maxRows + 1) {
                    throw new EnoughRows();
                }
            });
        } catch (EnoughRows enough) {
            // the caller tells "too many rows" by the one extra row
        } catch (UnreadableSpreadsheetException e) {
            throw new Unreadable(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(copy);
        }
        return rows;
    }

    /** Stops reading once the caller's limit is passed. */
    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }
}
