package org.yilaoyixiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decision 0010: a module reads another module's schema only through its {@code published_*} views, and never
 * writes to it. Scans the SQL in each module's main code and migrations.
 */
class PublishedViewsTest {

    private static final Path JAVA = Path.of("src/main/java/org/yilaoyixiao");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern READ = Pattern.compile("(?i)\\b(from|join|references)\\s+([a-z_]+)\\.([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE = Pattern.compile("(?i)\\b(into|update|table|view|delete\\s+from)\\s+([a-z_]+)\\.([a-z_][a-z0-9_]*)");

    @Test
    void modulesReadOtherSchemasOnlyThroughPublishedViewsAndNeverWriteThem() {
        Set<String> schemas = schemas();
        List<String> violations = new ArrayList<>();
        int ownReferences = 0;
        for (String module : modules()) {
            for (Path file : sources(module)) {
                String text = read(file);
                ownReferences += violations(module, text, schemas, file, violations);
            }
        }
        assertThat(ownReferences).as("the scan must find the modules' own SQL, or it checks nothing").isGreaterThan(50);
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanRecognisesAViolation() {
        List<String> violations = new ArrayList<>();
        Set<String> schemas = Set.of("registry", "subsidy");
        violations("subsidy", """
                insert into subsidy.line select p.id from registry.published_person p
                join registry.person q on q.id = p.id
                """, schemas, Path.of("sample"), violations);
        violations("subsidy", "update registry.published_person set name = 'x'", schemas, Path.of("sample"), violations);
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0)).contains("registry.person");
        assertThat(violations.get(1)).contains("writes");
    }

    private static int violations(String module, String text, Set<String> schemas, Path file, List<String> out) {
        int own = 0;
        Matcher read = READ.matcher(text);
        while (read.find()) {
            String schema = read.group(2).toLowerCase();
            if (schema.equals(module)) {
                own++;
            } else if (schemas.contains(schema) && !read.group(3).toLowerCase().startsWith("published_")) {
                out.add(file + ": reads " + schema + "." + read.group(3));
            }
        }
        Matcher write = WRITE.matcher(text);
        while (write.find()) {
            String schema = write.group(2).toLowerCase();
            if (schema.equals(module)) {
                own++;
            } else if (schemas.contains(schema)) {
                out.add(file + ": writes " + schema + "." + write.group(3));
            }
        }
        return own;
    }

    private static Set<String> schemas() {
        try (Stream<Path> folders = Files.list(MIGRATIONS)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> modules() {
        try (Stream<Path> folders = Files.list(JAVA)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(String module) {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(JAVA.resolve(module), MIGRATIONS.resolve(module))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java")
                            || p.toString().endsWith(".sql")).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
