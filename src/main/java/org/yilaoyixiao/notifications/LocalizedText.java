package org.yilaoyixiao.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A sentence kept as a message key and text arguments, to be put into words in the reader's language when read —
 * stored texts never fix one language. An argument of the form {@code key:<message key>} (optionally followed by
 * {@code |arg|arg…}) is itself such a sentence, e.g. a reason inside a reason; any other argument is shown as is.
 */
public record LocalizedText(String key, List<String> args) {

    private static final String NESTED = "key:";

    public LocalizedText {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static LocalizedText of(String key, String... args) {
        return new LocalizedText(key, List.of(args));
    }

    /** This text as one argument of another: its arguments follow its key after "|", "|" and "\\" escaped. */
    public String asArgument() {
        StringBuilder text = new StringBuilder(NESTED).append(escape(key));
        for (String arg : args) {
            text.append('|').append(escape(arg == null ? "" : arg));
        }
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|");
    }

    public String in(MessageSource messages, Locale locale) {
        Object[] resolved = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            resolved[i] = arg != null && arg.startsWith(NESTED) ? parse(arg).in(messages, locale) : arg;
        }
        return messages.getMessage(key, resolved, key, locale);
    }

    /** A text written by {@link #asArgument()}. */
    public static LocalizedText parse(String argument) {
        String text = argument.startsWith(NESTED) ? argument.substring(NESTED.length()) : argument;
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                part.append(text.charAt(++i));
            } else if (c == '|') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        String key = parts.remove(0);
        return new LocalizedText(key, parts);
    }
}
