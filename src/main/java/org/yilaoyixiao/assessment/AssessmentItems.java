package org.yilaoyixiao.assessment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 26 items of GB/T 42195-2022, read from {@code reference/assessment/gbt-42195-2022-items.csv}, the one source. */
public final class AssessmentItems {

    public static final String RESOURCE = "/reference/assessment/gbt-42195-2022-items.csv";

    /** The first-level indicators in the standard's order. */
    public static final List<String> GROUPS = List.of("B.1", "B.2", "B.3", "B.4");

    private static final AssessmentItems STANDARD = new AssessmentItems(read());

    private final List<AssessmentItem> items;

    public AssessmentItems(List<AssessmentItem> items) {
        this.items = List.copyOf(items);
    }

    /** The items of the standard. */
    public static AssessmentItems standard() {
        return STANDARD;
    }

    public List<AssessmentItem> all() {
        return items;
    }

    public List<AssessmentItem> of(String group) {
        return items.stream().filter(item -> item.group().equals(group)).toList();
    }

    public int maxScore(String group) {
        return of(group).stream().mapToInt(AssessmentItem::maxScore).sum();
    }

    public int maxTotal() {
        return items.stream().mapToInt(AssessmentItem::maxScore).sum();
    }

    /** Parses the reference file: comment lines start with '#', then a header, then one line per item. */
    public static List<AssessmentItem> read() {
        try (InputStream in = AssessmentItems.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference file " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .skip(1).map(AssessmentItems::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AssessmentItem parse(String line) {
        String[] cells = line.split(",", -1);
        Map<Integer, String> descriptions = new LinkedHashMap<>();
        for (String entry : cells[5].split(";")) {
            String[] pair = entry.split(":", 2);
            descriptions.put(Integer.parseInt(pair[0].strip()), pair[1].strip());
        }
        return new AssessmentItem(cells[0].strip(), cells[1].strip(), Integer.parseInt(cells[2].strip()),
                cells[3].strip(), cells[4].strip(), descriptions);
    }
}
