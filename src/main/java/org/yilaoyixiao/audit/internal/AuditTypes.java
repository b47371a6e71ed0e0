package org.yilaoyixiao.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The audit event types the platform knows: every {@code audit.type.*} label in the application's message bundles
 * (each module's types are labelled there; {@code AuditTypeLabelsTest} keeps the list complete). Grouped by the
 * part of the platform that records them, for the auditors' type filter, and split into the reads and exports of
 * personal data an auditor looks at first.
 */
@Component
class AuditTypes {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");
    private static final String PREFIX = "audit.type.";

    /** Group of a type by the start of its code, in the order the filter lists them; the rest are "other". */
    private static final Map<String, List<String>> GROUPS = groups();

    private final Set<String> codes;
    private final MessageSource messages;

    AuditTypes(Environment environment, MessageSource messages) {
        this.messages = messages;
        this.codes = load(environment.getProperty("spring.messages.basename", "messages"));
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("accounts", List.of("LOGIN_", "ACCOUNT_", "USER_", "PASSWORD_"));
        groups.put("audit", List.of("AUDIT_", "ACCESS_REFUSED", "LIST_EXPORTED"));
        groups.put("divisions", List.of("DIVISION"));
        groups.put("registry", List.of("PERSON", "HOUSEHOLD", "DEMO_POPULATION"));
        groups.put("assessment", List.of("ASSESSMENT_", "LEGACY_ASSESSMENTS"));
        groups.put("facilities", List.of("INSTITUTION_", "CARE_CENTRE", "CHILDCARE_PROVIDER", "PROVIDER_", "STAFF_"));
        groups.put("placement", List.of("PLACEMENT_", "CHILD_", "CLASS_", "DEMO_PLACEMENTS"));
        groups.put("services", List.of("SERVICE_"));
        groups.put("visits", List.of("VISIT_"));
        groups.put("guardian", List.of("GUARDIAN_"));
        groups.put("subsidies", List.of("SUBSIDY_", "POLICY_"));
        groups.put("funds", List.of("FUNDS_"));
        groups.put("lovecard", List.of("LOVECARD_"));
        groups.put("timebank", List.of("TIMEBANK_"));
        groups.put("exchange", List.of("FEED_", "PROVINCE_", "OUTREACH_"));
        groups.put("monitoring", List.of("INDICATOR_", "PLAN_"));
        return groups;
    }

    private static Set<String> load(String basenames) {
        Set<String> codes = new TreeSet<>();
        for (String basename : basenames.split(",")) {
            ClassPathResource resource = new ClassPathResource(basename.strip() + ".properties");
            if (!resource.exists()) {
                continue;
            }
            Properties properties = new Properties();
            try (InputStream in = resource.getInputStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith(PREFIX) && CODE.matcher(key.substring(PREFIX.length())).matches()) {
                    codes.add(key.substring(PREFIX.length()));
                }
            }
        }
        return Set.copyOf(codes);
    }

    Set<String> codes() {
        return codes;
    }

    /** The label of a type in the reader's language, or null for a type nobody labelled (shown as its code). */
    String label(String code, Locale locale) {
        return code == null ? null : messages.getMessage(PREFIX + code, null, null, locale);
    }

    /**
     * Reads and exports of personal data: searches, detail reads, revealed numbers, statements, photos, lists taken
     * away — what an auditor checks when someone asks who looked at them.
     */
    Set<String> sensitiveReads() {
        Set<String> sensitive = new TreeSet<>();
        for (String code : codes) {
            if (code.endsWith("_READ") || code.endsWith("_REVEALED") || code.endsWith("_EXPORTED")
                    || code.endsWith("_VIEWED") || code.equals("PERSON_SEARCH")) {
                sensitive.add(code);
            }
        }
        return sensitive;
    }

    static String groupOf(String code) {
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            if (group.getValue().stream().anyMatch(code::startsWith)) {
                return group.getKey();
            }
        }
        return "other";
    }

    /** The filter's choices: groups in a fixed order, types within a group by label. */
    List<Group> grouped(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        Map<String, List<Choice>> byGroup = new LinkedHashMap<>();
        GROUPS.keySet().forEach(g -> byGroup.put(g, new ArrayList<>()));
        byGroup.put("other", new ArrayList<>());
        for (String code : codes) {
            String label = label(code, locale);
            byGroup.get(groupOf(code)).add(new Choice(code, label == null ? code : label));
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Choice>> group : byGroup.entrySet()) {
            if (!group.getValue().isEmpty()) {
                List<Choice> choices = new ArrayList<>(group.getValue());
                choices.sort(Comparator.comparing(Choice::label, collator));
                groups.add(new Group("audit.group." + group.getKey(), List.copyOf(choices)));
            }
        }
        return groups;
    }

    record Group(String labelKey, List<Choice> choices) {
    }

    record Choice(String code, String label) {
    }
}
