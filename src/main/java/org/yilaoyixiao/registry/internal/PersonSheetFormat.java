package org.yilaoyixiao.registry.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;

/**
 * The people spreadsheet as the county's clerks fill it in: Chinese column headers, 是/否, the Chinese words for
 * economic status and living situation (taken from the registry's message bundle, so there is one list of them), and
 * dates as Excel dates or text. It only turns cells into a {@link PersonCommand}; whether the values are right is
 * {@link PersonValidation}'s business, exactly as for the form and the API.
 */
@Component
class PersonSheetFormat {

    /** The report's extra column; ignored when a corrected report is uploaded again. */
    static final String ERROR_HEADER = "错误";
    static final String YES = "是";
    static final String NO = "否";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern FLAG_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd",
                    "uuuu年M月d日").stream()
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    /** The columns in template order. */
    enum Column {
        ID_NUMBER(true), NAME(true), PHONE(false), RESIDENCE(true), LOCAL_HUKOU(true), ECONOMIC_STATUS(false),
        LIVING_SITUATION(false), DEATH_DATE(false);

        final boolean required;

        Column(boolean required) {
            this.required = required;
        }
    }

    private final Map<Column, String> headers = new EnumMap<>(Column.class);
    private final Map<String, Column> columnByName = new HashMap<>();
    private final Map<String, String> economicByLabel = new HashMap<>();
    private final Map<String, String> livingByLabel = new HashMap<>();
    private final List<String> economicLabels = new ArrayList<>();
    private final List<String> livingLabels = new ArrayList<>();

    PersonSheetFormat(MessageSource messages) {
        for (EconomicStatus status : EconomicStatus.values()) {
            String label = messages.getMessage(status.labelKey(), null, CHINESE);
            economicLabels.add(label);
            economicByLabel.put(label, status.name());
        }
        for (LivingSituation flag : LivingSituation.values()) {
            String label = messages.getMessage(flag.labelKey(), null, CHINESE);
            livingLabels.add(label);
            livingByLabel.put(label, flag.name());
        }
        headers.put(Column.ID_NUMBER, "身份证号码");
        headers.put(Column.NAME, "姓名");
        headers.put(Column.PHONE, "联系电话");
        headers.put(Column.RESIDENCE, "居住地区划代码");
        headers.put(Column.LOCAL_HUKOU, "本县户籍(" + YES + "/" + NO + ")");
        headers.put(Column.ECONOMIC_STATUS, "经济状况(" + String.join("/", economicLabels) + ")");
        headers.put(Column.LIVING_SITUATION, "居住情况(" + String.join("、", livingLabels) + ")");
        headers.put(Column.DEATH_DATE, "死亡日期");
        headers.forEach((column, header) -> columnByName.put(baseName(header), column));
        columnByName.put("身份证号", Column.ID_NUMBER);
        columnByName.put("公民身份号码", Column.ID_NUMBER);
    }

    List<String> headers() {
        return List.copyOf(headers.values());
    }

    String header(Column column) {
        return headers.get(column);
    }

    List<String> economicLabels() {
        return List.copyOf(economicLabels);
    }

    List<String> livingLabels() {
        return List.copyOf(livingLabels);
    }

    /** Where each column is in a file; headers may come in any order, with or without the hint in brackets. */
    record Layout(Map<Column, Integer> positions) {
        String cell(List<String> cells, Column column) {
            Integer at = positions.get(column);
            if (at == null || at >= cells.size()) {
                return "";
            }
            String value = cells.get(at);
            return value == null ? "" : value.strip();
        }
    }

    /** The layout if this row is a header row (it names the ID number column), else null. */
    Layout layout(List<String> headerCells) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < headerCells.size(); i++) {
            Column column = columnByName.get(baseName(headerCells.get(i)));
            if (column != null && !positions.containsKey(column)) {
                positions.put(column, i);
            }
        }
        return positions.containsKey(Column.ID_NUMBER) ? new Layout(positions) : null;
    }

    /** Headers of required columns the layout lacks, joined for a message. */
    String missingRequired(Layout layout) {
        return Arrays.stream(Column.values()).filter(c -> c.required && !layout.positions().containsKey(c))
                .map(this::header).collect(Collectors.joining("、"));
    }

    /** One data row's cells as written (stripped), by column. */
    record SheetRow(int rowNumber, String idNumber, String name, String phone, String residence, String localHukou,
                    String economicStatus, String livingSituation, String deathDate) {
    }

    SheetRow row(Layout layout, int rowNumber, List<String> cells) {
        return new SheetRow(rowNumber, layout.cell(cells, Column.ID_NUMBER), layout.cell(cells, Column.NAME),
                layout.cell(cells, Column.PHONE), layout.cell(cells, Column.RESIDENCE),
                layout.cell(cells, Column.LOCAL_HUKOU), layout.cell(cells, Column.ECONOMIC_STATUS),
                layout.cell(cells, Column.LIVING_SITUATION), layout.cell(cells, Column.DEATH_DATE));
    }

    /**
     * The command a row stands for, and the problems of cells that could not even be read (是/否, dates). Those cells
     * go to the command as absent, so {@code cellProblems} names the fields whose validation problems to drop.
     */
    record Reading(PersonCommand command, List<RowProblem> cellProblems, List<String> unreadableFields) {
    }

    Reading read(SheetRow row) {
        List<RowProblem> problems = new ArrayList<>(2);
        List<String> unreadable = new ArrayList<>(2);
        Boolean localHukou = parseYesNo(row.localHukou());
        if (localHukou == null && !row.localHukou().isEmpty()) {
            problems.add(RowProblem.of("person-import.cell.local-hukou"));
            unreadable.add("localHukou");
        }
        LocalDate death = null;
        if (!row.deathDate().isEmpty()) {
            death = date(row.deathDate());
            if (death == null) {
                problems.add(RowProblem.of("person-import.cell.death-date"));
                unreadable.add("deathDate");
            }
        }
        String economic = row.economicStatus().isEmpty() ? null
                : economicByLabel.getOrDefault(row.economicStatus(), row.economicStatus());
        List<String> flags = row.livingSituation().isEmpty() ? List.of()
                : FLAG_SEPARATORS.splitAsStream(row.livingSituation()).filter(s -> !s.isEmpty())
                .map(s -> livingByLabel.getOrDefault(s, s)).toList();
        PersonCommand command = new PersonCommand(row.idNumber(), row.name(), row.phone(), row.residence(), localHukou,
                economic, flags, death, null);
        return new Reading(command, problems, unreadable);
    }

    private static Boolean parseYesNo(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case YES, "Y", "YES", "TRUE", "1" -> Boolean.TRUE;
            case NO, "N", "NO", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException next) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    /** "本县户籍（是/否）" and "本县户籍" are the same column. */
    private static String baseName(String header) {
        if (header == null) {
            return "";
        }
        String name = header.strip();
        int bracket = indexOfAny(name, '(', '（');
        if (bracket >= 0) {
            name = name.substring(0, bracket);
        }
        return name.replaceAll("\\s+", "");
    }

    private static int indexOfAny(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
