package org.yilaoyixiao.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every audit event type that any module writes has a label in Chinese and in English, so that the trail never shows
 * an auditor a code. The types are read from the source: the first argument of every {@code AuditRecord.success(…)}
 * and {@code AuditRecord.of(…)} — a literal, a choice between literals, a constant of the same file, a parameter
 * filled in by the module's callers, or a prefix completed by an enum ({@link #COMPLETIONS}). A call of a shape this
 * test cannot read fails it, so a new way of naming types is noticed here rather than on the audit page.
 */
class AuditTypeLabelsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern CALL = Pattern.compile("AuditRecord\\.(success|of)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Types built as a prefix plus a value: the values the prefix is completed with. */
    private static final Map<String, List<String>> COMPLETIONS = Map.of(
            "SERVICE_ORDER_", constants("org.yilaoyixiao.services.internal.OrderAction"),
            "TIMEBANK_", constants("org.yilaoyixiao.timebank.internal.TimeBank$MovementKind"),
            // GuardianAlerts.acknowledge and resolve name the step
            "GUARDIAN_ALERT_", List.of("ACKNOWLEDGED", "RESOLVED", "FALSE_ALARM"));

    @Test
    void everyRecordedTypeHasAChineseAndAnEnglishLabel() throws IOException {
        Set<String> types = recordedTypes();
        assertThat(types).as("types found in the code").hasSizeGreaterThan(100)
                .contains("LOGIN_SUCCESS", "SERVICE_ORDER_DISPATCH", "PERSON_SEARCH", "TIMEBANK_SPEND",
                        "USER_DISABLED", "AUDIT_TRAIL_READ", "CHILD_ENROLLED", "FUNDS_HOLD_PLACED");
        Properties chinese = bundles("");
        Properties english = bundles("_en");
        List<String> missing = new ArrayList<>();
        for (String type : types) {
            String key = "audit.type." + type;
            if (blank(chinese.getProperty(key))) {
                missing.add(key + " (中文)");
            }
            if (blank(english.getProperty(key))) {
                missing.add(key + " (English)");
            }
        }
        assertThat(missing).as("audit types without a label").isEmpty();
    }

    @Test
    void theChineseLabelsAreChinese() throws IOException {
        Properties chinese = bundles("");
        List<String> latin = new ArrayList<>();
        for (String key : chinese.stringPropertyNames()) {
            if (key.startsWith("audit.type.")) {
                String words = chinese.getProperty(key).replace("Excel", "");
                if (words.matches(".*[A-Za-z]{2,}.*")) {
                    latin.add(key + "=" + chinese.getProperty(key));
                }
            }
        }
        assertThat(latin).isEmpty();
    }

    @Test
    void theTypeBundleIsOneOfTheApplicationsBundles() throws IOException {
        Properties application = load(RESOURCES.resolve("application.properties"));
        assertThat(Arrays.asList(application.getProperty("spring.messages.basename").split(",")))
                .contains("i18n/audit-types");
    }

    @Test
    void theScanReadsEveryShapeOfCall() {
        assertThat(typesOf("AuditRecord.success(\"USER_CREATED\", \"user:\" + u, null)", "", Map.of()))
                .containsExactly("USER_CREATED");
        assertThat(typesOf("enabled ? \"USER_ENABLED\" : \"USER_DISABLED\"", "", Map.of()))
                .containsExactlyInAnyOrder("USER_ENABLED", "USER_DISABLED");
        assertThat(typesOf("\"APPROVED\".equals(status) ? \"GRANT_APPROVED\" : \"GRANT_REJECTED\"", "", Map.of()))
                .containsExactlyInAnyOrder("GRANT_APPROVED", "GRANT_REJECTED");
        assertThat(typesOf("\"SERVICE_ORDER_\" + action.name()", "", Map.of()))
                .contains("SERVICE_ORDER_DISPATCH", "SERVICE_ORDER_CANCEL");
    }

    // --- reading the source ---

    private static Set<String> recordedTypes() throws IOException {
        Map<Path, String> files = sources();
        Set<String> types = new TreeSet<>();
        List<String> unreadable = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            String text = file.getValue();
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                String argument = firstArgument(text, call.end()).strip();
                Set<String> found = typesOf(argument, text, files.entrySet().stream()
                        .filter(f -> f.getKey().getParent().equals(file.getKey().getParent()))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
                if (found.isEmpty()) {
                    unreadable.add(SOURCES.relativize(file.getKey()) + ": " + argument);
                }
                types.addAll(found);
            }
        }
        assertThat(unreadable).as("audit types this test cannot read (teach it the new shape)").isEmpty();
        return types;
    }

    /**
     * The types an argument names. {@code file} is the calling file's text (for constants and the enclosing method),
     * {@code module} the files of its package (for the callers of a method that passes the type on).
     */
    static Set<String> typesOf(String argument, String file, Map<Path, String> module) {
        Set<String> types = new TreeSet<>();
        if (argument.startsWith("AuditRecord.")) {
            return typesOf(firstArgument(argument, argument.indexOf('(') + 1).strip(), file, module);
        }
        String choices = argument.contains("?") ? argument.substring(argument.indexOf('?') + 1) : argument;
        Matcher literal = LITERAL.matcher(choices);
        List<String> literals = new ArrayList<>();
        while (literal.find()) {
            literals.add(literal.group(1));
        }
        if (!literals.isEmpty()) {
            for (String value : literals) {
                if (value.endsWith("_") && choices.contains("\"" + value + "\" +")) {
                    List<String> completions = COMPLETIONS.get(value);
                    if (completions == null) {
                        return Set.of();
                    }
                    completions.forEach(c -> types.add(value + c));
                } else if (TYPE.matcher(value).matches()) {
                    types.add(value);
                }
            }
            return types;
        }
        if (!IDENTIFIER.matcher(argument).matches()) {
            return types;
        }
        // a constant: of the same file, else of any file (an interface's, referred to by a constant of this one)
        Pattern declaration = Pattern.compile("String " + argument + "\\s*=\\s*\"([A-Z0-9_]+)\"");
        Matcher constant = declaration.matcher(file);
        if (constant.find()) {
            types.add(constant.group(1));
            return types;
        }
        if (Pattern.compile("String " + argument + "\\s*=\\s*[A-Z]\\w*\\." + argument + ";").matcher(file).find()) {
            for (String other : allSources().values()) {
                Matcher elsewhere = declaration.matcher(other);
                if (elsewhere.find()) {
                    types.add(elsewhere.group(1));
                    return types;
                }
            }
        }
        // a parameter: the literals the module's callers pass to the enclosing method
        String method = enclosingMethodWithParameter(file, argument);
        if (method == null) {
            return types;
        }
        Pattern calls = Pattern.compile("[.\\s(]" + method + "\\(");
        for (String text : module.values()) {
            Matcher call = calls.matcher(text);
            while (call.find()) {
                String arguments = allArguments(text, call.end());
                Matcher each = LITERAL.matcher(arguments);
                while (each.find()) {
                    if (TYPE.matcher(each.group(1)).matches()) {
                        types.add(each.group(1));
                    }
                }
            }
        }
        return types;
    }

    private static String enclosingMethodWithParameter(String file, String parameter) {
        Matcher declaration = Pattern.compile("\\s(\\w+)\\(([^)]*\\bString " + parameter + "\\b[^)]*)\\)\\s*\\{")
                .matcher(file);
        return declaration.find() ? declaration.group(1) : null;
    }

    /** The text of the first argument of a call whose "(" ends just before {@code start}. */
    private static String firstArgument(String text, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                if (depth == 0) {
                    return text.substring(start, i);
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    private static String allArguments(String text, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (depth == 0) {
                    return text.substring(start, i);
                }
                depth--;
            }
        }
        return text.substring(start);
    }

    private static Map<Path, String> all;

    private static Map<Path, String> allSources() {
        if (all == null) {
            try {
                all = sources();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return all;
    }

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path path : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(path, Files.readString(path));
            }
        }
        return files;
    }

    private static List<String> constants(String enumName) {
        try {
            Object[] values = Class.forName(enumName).getEnumConstants();
            return Arrays.stream(values).map(v -> ((Enum<?>) v).name()).toList();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The enum completing an audit type moved: " + enumName, e);
        }
    }

    // --- reading the bundles ---

    /** Every bundle of the application in one language ("" Chinese, "_en" English). */
    private static Properties bundles(String suffix) throws IOException {
        Properties application = load(RESOURCES.resolve("application.properties"));
        Properties all = new Properties();
        for (String basename : application.getProperty("spring.messages.basename").split(",")) {
            Path file = RESOURCES.resolve(basename.strip() + suffix + ".properties");
            if (Files.exists(file)) {
                all.putAll(load(file));
            }
        }
        return all;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
