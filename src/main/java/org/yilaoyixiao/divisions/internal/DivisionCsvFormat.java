package org.yilaoyixiao.divisions.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yilaoyixiao.divisions.DivisionLevel;

/**
 * The documented division list format: a header {@code code,name,parentCode,level,validFrom} and one division a
 * line. Lines starting with {@code #} are comments. Files saved by Excel are accepted: UTF-8 with or without BOM, or
 * GB18030 (the encoding Chinese Excel uses for plain CSV); dates as {@code 2023-01-01} or {@code 2023/1/1}.
 */
final class DivisionCsvFormat {

    static final List<String> HEADER = List.of("code", "name", "parentcode", "level", "validfrom");
    /** The header as the documentation writes it (any case is accepted). */
    static final List<String> HEADER_NAMES = List.of("code", "name", "parentCode", "level", "validFrom");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
            .withResolverStyle(ResolverStyle.STRICT);

    private DivisionCsvFormat() {
    }

    record Row(int line, String code, String name, String parentCode, DivisionLevel level, LocalDate validFrom) {
    }

    record Parsed(List<Row> rows, List<DivisionImportProblem> problems) {
    }

    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<DivisionImportProblem> problems = new ArrayList<>();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (!headerSeen) {
                List<String> header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                if (!header.equals(HEADER)) {
                    problems.add(new DivisionImportProblem(lineNo, null, "division.import.header", String.join(",", HEADER)));
                    return new Parsed(List.of(), problems);
                }
                headerSeen = true;
                continue;
            }
            parseRow(lineNo, cells, rows, problems);
        }
        if (!headerSeen) {
            problems.add(new DivisionImportProblem(0, null, "division.import.empty"));
        }
        return new Parsed(rows, problems);
    }

    private static void parseRow(int lineNo, List<String> cells, List<Row> rows, List<DivisionImportProblem> problems) {
        if (cells.size() != HEADER.size()) {
            problems.add(new DivisionImportProblem(lineNo, null, "division.import.columns", HEADER.size(), cells.size()));
            return;
        }
        int before = problems.size();
        String code = cells.get(0).strip();
        String name = cells.get(1).strip();
        String parent = cells.get(2).strip();
        DivisionLevel level = null;
        try {
            level = DivisionLevel.valueOf(cells.get(3).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new DivisionImportProblem(lineNo, "level", "division.import.level", cells.get(3).strip()));
        }
        if (level != null && !code.matches("[0-9]{" + digits(level) + "}")) {
            problems.add(new DivisionImportProblem(lineNo, "code", "division.import.code", code, digits(level)));
        }
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new DivisionImportProblem(lineNo, "name", "division.import.name"));
        }
        if (level == DivisionLevel.COUNTY && !parent.isEmpty()) {
            problems.add(new DivisionImportProblem(lineNo, "parentCode", "division.import.county-parent"));
        }
        if (level != null && level != DivisionLevel.COUNTY && parent.isEmpty()) {
            problems.add(new DivisionImportProblem(lineNo, "parentCode", "division.import.parent-required"));
        }
        LocalDate validFrom = parseDate(cells.get(4).strip());
        if (validFrom == null) {
            problems.add(new DivisionImportProblem(lineNo, "validFrom", "division.import.date", cells.get(4).strip()));
        }
        if (problems.size() == before) {
            rows.add(new Row(lineNo, code, name, parent.isEmpty() ? null : parent, level, validFrom));
        }
    }

    static int digits(DivisionLevel level) {
        return switch (level) {
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value, SLASHED);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Splits one CSV line; double quotes may enclose a cell and {@code ""} stands for a quote inside one. */
    static List<String> split(String line) {
        return org.yilaoyixiao.platform.spreadsheet.TabularFile.splitCsv(line);
    }
}
