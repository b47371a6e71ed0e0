package org.yilaoyixiao.exchange.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * Checks one source record against its feed's documented format (docs/operations/data-exchange-feeds.md) and gives
 * either the record or the reason it is refused (a message key with arguments). Pure: no database.
 */
final class FeedParser {

    static final Map<String, Set<String>> TYPES = Map.of(
            "household", Set.of("BIRTH", "DEATH", "MOVE_IN", "MOVE_OUT", "RESIDENCE_CHANGE"),
            "assistance", Set.of("STATUS_CHANGE"),
            "health", Set.of("DISCHARGE", "CHRONIC_ENROLMENT", "NEWBORN_VISIT", "INFANT_HEALTH_CHECK"),
            "insurance", Set.of("PENSION_STATUS"));
    static final Set<String> PENSION_STATUSES = Set.of("RECEIVING", "SUSPENDED", "NOT_INSURED");
    static final Set<String> GUARDIAN_RELATIONS = Set.of("MOTHER", "FATHER", "GRANDPARENT", "OTHER");
    static final List<String> COLUMNS = List.of("recordId", "type", "idNumber", "effectiveDate", "name",
            "residenceDivisionCode", "localHukou", "economicStatus", "pensionStatus", "condition", "hospital", "note",
            "guardian1Name", "guardian1Relation", "guardian1IdNumber", "guardian1Phone",
            "guardian2Name", "guardian2Relation", "guardian2IdNumber", "guardian2Phone");

    record Rejection(int index, String recordId, String reason, List<String> args) {
    }

    record Result(FeedRecord record, Rejection rejection) {
    }

    private FeedParser() {
    }

    static Result parse(String feed, int index, Object raw, LocalDate today) {
        if (!(raw instanceof Map<?, ?> input)) {
            return reject(index, null, "exchange.reject.not-an-object");
        }
        String recordId = text(input.get("recordId"));
        if (recordId == null || recordId.length() > 100) {
            return reject(index, null, "exchange.reject.record-id");
        }
        String type = upper(input.get("type"));
        if (type == null || !TYPES.get(feed).contains(type)) {
            return reject(index, recordId, "exchange.reject.type", String.valueOf(input.get("type")), feed);
        }
        ResidentIdNumber idNumber;
        try {
            idNumber = ResidentIdNumber.parse(text(input.get("idNumber")), today);
        } catch (ResidentIdNumber.InvalidException e) {
            return reject(index, recordId, "exchange.reject.id-number");
        }
        LocalDate effective = date(input.get("effectiveDate"));
        if (effective == null) {
            return reject(index, recordId, "exchange.reject.effective-date");
        }
        if (effective.isAfter(today)) {
            return reject(index, recordId, "exchange.reject.future-date", effective.toString());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<FeedRecord.Guardian> guardians = new ArrayList<>();
        switch (type) {
            case "BIRTH" -> {
                String name = text(input.get("name"));
                if (name == null || name.length() > 50) {
                    return reject(index, recordId, "exchange.reject.name");
                }
                fields.put("name", name);
                String residence = text(input.get("residenceDivisionCode"));
                if (residence == null) {
                    return reject(index, recordId, "exchange.reject.residence");
                }
                fields.put("residenceDivisionCode", residence);
                Object hukou = input.get("localHukou");
                fields.put("localHukou", hukou == null || text(hukou) == null
                        || !"false".equalsIgnoreCase(text(hukou)));
                Object list = input.get("guardians");
                if (!(list instanceof List<?> items) || items.isEmpty() || items.size() > 4) {
                    return reject(index, recordId, "exchange.reject.guardians");
                }
                List<Map<String, Object>> stored = new ArrayList<>();
                for (Object item : items) {
                    if (!(item instanceof Map<?, ?> g)) {
                        return reject(index, recordId, "exchange.reject.guardians");
                    }
                    String gName = text(g.get("name"));
                    String relation = upper(g.get("relation"));
                    String gId = text(g.get("idNumber"));
                    if (gName == null || gName.length() > 50 || relation == null
                            || !GUARDIAN_RELATIONS.contains(relation)) {
                        return reject(index, recordId, "exchange.reject.guardians");
                    }
                    String masked = null;
                    if (gId != null) {
                        try {
                            masked = ResidentIdNumber.parse(gId, today).masked();
                        } catch (ResidentIdNumber.InvalidException e) {
                            return reject(index, recordId, "exchange.reject.guardians");
                        }
                    }
                    guardians.add(new FeedRecord.Guardian(gName, relation, gId, text(g.get("phone"))));
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("name", gName);
                    s.put("relation", relation);
                    if (masked != null) {
                        s.put("idNumberMasked", masked);
                    }
                    stored.add(s);
                }
                fields.put("guardians", stored);
            }
            case "MOVE_IN", "RESIDENCE_CHANGE" -> {
                String residence = text(input.get("residenceDivisionCode"));
                if (residence == null) {
                    return reject(index, recordId, "exchange.reject.residence");
                }
                fields.put("residenceDivisionCode", residence);
            }
            case "STATUS_CHANGE" -> {
                String status = upper(input.get("economicStatus"));
                try {
                    fields.put("economicStatus", EconomicStatus.valueOf(status == null ? "" : status).name());
                } catch (IllegalArgumentException e) {
                    return reject(index, recordId, "exchange.reject.economic-status");
                }
            }
            case "PENSION_STATUS" -> {
                String status = upper(input.get("pensionStatus"));
                if (status == null || !PENSION_STATUSES.contains(status)) {
                    return reject(index, recordId, "exchange.reject.pension-status");
                }
                fields.put("pensionStatus", status);
            }
            case "CHRONIC_ENROLMENT" -> {
                String condition = text(input.get("condition"));
                if (condition == null || condition.length() > 50) {
                    return reject(index, recordId, "exchange.reject.condition");
                }
                fields.put("condition", condition);
            }
            case "DISCHARGE" -> {
                String hospital = text(input.get("hospital"));
                if (hospital != null) {
                    fields.put("hospital", hospital.length() > 100 ? hospital.substring(0, 100) : hospital);
                }
            }
            default -> {
            }
        }
        String note = text(input.get("note"));
        if (note != null) {
            fields.put("note", note.length() > 200 ? note.substring(0, 200) : note);
        }
        return new Result(new FeedRecord(index, feed, recordId, type, idNumber, effective, fields,
                List.copyOf(guardians)), null);
    }

    /** A CSV/xlsx row as the JSON object it stands for (guardian columns become the guardians array). */
    static Map<String, Object> rowAsObject(List<String> header, List<String> cells) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<Map<String, Object>> guardians = new ArrayList<>();
        for (int g = 1; g <= 2; g++) {
            Map<String, Object> guardian = new LinkedHashMap<>();
            for (String part : List.of("Name", "Relation", "IdNumber", "Phone")) {
                String value = cell(header, cells, "guardian" + g + part);
                if (value != null) {
                    guardian.put(Character.toLowerCase(part.charAt(0)) + part.substring(1), value);
                }
            }
            if (!guardian.isEmpty()) {
                guardians.add(guardian);
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            if (!column.startsWith("guardian") && i < cells.size() && !cells.get(i).isBlank()) {
                object.put(column, cells.get(i).strip());
            }
        }
        if (!guardians.isEmpty()) {
            object.put("guardians", guardians);
        }
        return object;
    }

    private static String cell(List<String> header, List<String> cells, String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= cells.size() || cells.get(i).isBlank() ? null : cells.get(i).strip();
    }

    private static LocalDate date(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            // an xlsx date cell reads as "yyyy-MM-dd HH:mm:ss"
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String upper(Object value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static Result reject(int index, String recordId, String reason, String... args) {
        return new Result(null, new Rejection(index, recordId, reason, List.of(args)));
    }
}
