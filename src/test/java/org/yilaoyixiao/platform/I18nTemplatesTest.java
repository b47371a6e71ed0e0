package org.yilaoyixiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every label comes from the message bundles: no template shows literal words, every message key a template uses
 * exists, and Chinese and English carry the same keys.
 */
class I18nTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("th:text", "th:utext");
    private static final Set<String> LABEL_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt", "value");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Every bundle: messages.properties and those under i18n/, each with an _en twin. */
    private static List<String> bundles() throws IOException {
        List<String> bundles = new ArrayList<>(List.of("messages"));
        Path folder = Path.of("src/main/resources/i18n");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                        .sorted().forEach(n -> bundles.add("i18n/" + n.substring(0, n.length() - ".properties".length())));
            }
        }
        return bundles;
    }

    private static Properties allChinese() throws IOException {
        Properties all = new Properties();
        for (String bundle : bundles()) {
            all.putAll(load(bundle + ".properties"));
        }
        return all;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : bundles()) {
            Set<String> chinese = new TreeSet<>(load(bundle + ".properties").stringPropertyNames());
            Set<String> english = new TreeSet<>(load(bundle + "_en.properties").stringPropertyNames());
            assertThat(english).as("keys missing in English in " + bundle).containsAll(chinese);
            assertThat(chinese).as("keys missing in Chinese in " + bundle).containsAll(english);
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String bundle : bundles()) {
            for (String key : load(bundle + ".properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(bundle + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = allChinese().stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = STATIC_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesContainNoLiteralWords() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                String tag = element.tagName();
                if (tag.equals("script") || tag.equals("style")) {
                    continue;
                }
                boolean replaced = TEXT_ATTRIBUTES.stream().anyMatch(element::hasAttr);
                for (TextNode text : element.textNodes()) {
                    if (!replaced && LETTER.matcher(text.text()).find()) {
                        literals.add(TEMPLATES.relativize(template) + " <" + tag + ">: " + text.text().strip());
                    }
                }
                for (String attribute : LABEL_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && LETTER.matcher(element.attr(attribute)).find()
                            && !tag.equals("option") && !tag.equals("input")) {
                        literals.add(TEMPLATES.relativize(template) + " <" + tag + " " + attribute + ">");
                    }
                }
            }
        }
        assertThat(literals).as("literal words in templates (use th:text with a message key)").isEmpty();
    }

    @Test
    void theCheckNoticesALiteral() {
        Document document = Jsoup.parse("<p><span>你好</span><b th:text=\"#{x}\">原型</b></p>", "", Parser.xmlParser());
        long literal = document.getAllElements().stream()
                .filter(e -> TEXT_ATTRIBUTES.stream().noneMatch(e::hasAttr))
                .flatMap(e -> e.textNodes().stream())
                .filter(t -> LETTER.matcher(t.text()).find()).count();
        assertThat(literal).isEqualTo(1);
    }
}
