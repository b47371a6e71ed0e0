package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.guardian.detection.RoutineLearner;
import org.yilaoyixiao.notifications.LocalizedText;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * An alert's reason in the reader's language. The detectors explain a trigger in one plain (English) line kept with
 * the alert for the trace, e.g. "outside since 2026-12-07T01:00:00Z, 350 m beyond the nearest safe zone"; this reads
 * those lines — old and new alike — into message keys with arguments, so that the board, the detail page and the
 * messages say "自 12-07 09:00 起外出未归，离最近的安全区域 350 米". A line it does not know is told by the alert's
 * type alone: no English reaches a page.
 */
@Component
class AlertTexts {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private static final Pattern SOS = Pattern.compile("^SOS button pressed.*");
    private static final Pattern SMOKE = Pattern.compile("^smoke detected.*");
    private static final Pattern FALL = Pattern.compile("^fall detected.*");
    private static final Pattern UNUSUAL_HOUR = Pattern.compile("^outside at an unusual hour for this elder, (.+)$");
    private static final Pattern NIGHT = Pattern.compile("^outside at night, (.+)$");
    private static final Pattern STILL_OUTSIDE = Pattern.compile("^outside since (\\S+) and no position back inside$");
    private static final Pattern OUTSIDE_LONG = Pattern.compile("^outside since (\\S+), (.+)$");
    private static final Pattern BEYOND = Pattern.compile("^(\\d+) m beyond the nearest safe zone$");
    private static final Pattern INACTIVE = Pattern.compile("^no sign of life at home since (\\S+)$");
    private static final Pattern OFFLINE = Pattern.compile("^no reading from .*");
    private static final Pattern USUAL_USE = Pattern.compile("^no (water|power) used by (\\S+) \\(usually by (\\S+)\\)$");
    private static final Pattern FRAUD_LARGE = Pattern.compile("^large for this elder \\((.+)\\)$");
    private static final Pattern FRAUD_BURST = Pattern.compile("^(\\d+) transfers within (\\d+) minutes$");

    private final MessageSource messages;

    AlertTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason as key and arguments, for storing with a message. */
    LocalizedText reason(AlertType type, String details) {
        String line = details == null ? "" : details.strip();
        if (type == AlertType.FRAUD) {
            return fraud(line);
        }
        if (SOS.matcher(line).matches()) {
            return LocalizedText.of("guardian.reason.sos");
        }
        if (SMOKE.matcher(line).matches()) {
            return LocalizedText.of("guardian.reason.smoke");
        }
        if (FALL.matcher(line).matches()) {
            return LocalizedText.of("guardian.reason.fall");
        }
        Matcher m;
        if ((m = UNUSUAL_HOUR.matcher(line)).matches()) {
            return where("guardian.reason.unusual-hour", m.group(1), List.of());
        }
        if ((m = NIGHT.matcher(line)).matches()) {
            return where("guardian.reason.night", m.group(1), List.of());
        }
        if ((m = STILL_OUTSIDE.matcher(line)).matches()) {
            return LocalizedText.of("guardian.reason.still-outside", time(m.group(1)));
        }
        if ((m = OUTSIDE_LONG.matcher(line)).matches()) {
            return where("guardian.reason.outside-since", m.group(2), List.of(time(m.group(1))));
        }
        if ((m = INACTIVE.matcher(line)).matches()) {
            return LocalizedText.of("guardian.reason.inactive", time(m.group(1)));
        }
        if (OFFLINE.matcher(line).matches()) {
            return LocalizedText.of("guardian.reason.offline");
        }
        if ((m = USUAL_USE.matcher(line)).matches()) {
            return LocalizedText.of("guardian.reason.no-" + m.group(1), clock(m.group(2)), clock(m.group(3)));
        }
        return LocalizedText.of("guardian.reason.type." + type.name());
    }

    /** The reason in the reader's language. */
    String reason(AlertType type, String details, Locale locale) {
        return reason(type, details).in(messages, locale);
    }

    /** A safe zone's name: the learned home and usual places in words, a name someone typed as typed. */
    String zoneName(String name, Locale locale) {
        if (RoutineLearner.HOME.equals(name)) {
            return messages.getMessage("guardian.zone.home", null, locale);
        }
        Matcher place = Pattern.compile("^place-(\\d+)$").matcher(name);
        if (place.matches()) {
            return messages.getMessage("guardian.zone.place", new Object[]{place.group(1)}, locale);
        }
        return name;
    }

    /** "outside every safe zone" or "350 m beyond …" as the variant of the key, with the metres as last argument. */
    private static LocalizedText where(String key, String where, List<String> before) {
        List<String> args = new ArrayList<>(before);
        Matcher beyond = BEYOND.matcher(where.strip());
        if (beyond.matches()) {
            args.add(beyond.group(1));
            return new LocalizedText(key + ".beyond", args);
        }
        return new LocalizedText(key + ".outside", args);
    }

    private static LocalizedText fraud(String line) {
        int arrow = line.lastIndexOf(" → ");
        String counterparty = arrow < 0 ? "" : line.substring(arrow + 3).strip();
        String reasons = arrow < 0 ? line : line.substring(0, arrow);
        List<String> args = new ArrayList<>();
        for (String reason : reasons.split("; ")) {
            String r = reason.strip();
            Matcher m;
            if (r.equals("counterparty on the fraud list")) {
                args.add(LocalizedText.of("guardian.fraud.listed").asArgument());
            } else if ((m = FRAUD_LARGE.matcher(r)).matches()) {
                args.add(LocalizedText.of("guardian.fraud.large", m.group(1)).asArgument());
            } else if (r.equals("first transfer to a new counterparty")) {
                args.add(LocalizedText.of("guardian.fraud.new").asArgument());
            } else if ((m = FRAUD_BURST.matcher(r)).matches()) {
                args.add(LocalizedText.of("guardian.fraud.burst", m.group(1), m.group(2)).asArgument());
            }
        }
        if (args.isEmpty() || args.size() > 4) {
            return LocalizedText.of("guardian.reason.type.FRAUD");
        }
        int reasonCount = args.size();
        args.add(counterparty);
        return new LocalizedText("guardian.reason.fraud." + reasonCount, args);
    }

    /** An instant as the detectors wrote it, in local time; anything else as it stands. */
    private static String time(String text) {
        try {
            return SHOWN.format(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String clock(String text) {
        try {
            return LocalTime.parse(text).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
