package org.yilaoyixiao.placement.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.spreadsheet.ListSheet;
import org.yilaoyixiao.registry.Ages;

/**
 * The placement and enrolment lists as Excel sheets, with the filters of the page: ID numbers masked, names of
 * facilities and places, ages in full years on the day of the export; every export audited as {@code LIST_EXPORTED}.
 */
@Component
class PlacementExport {

    /** More than a county has; a sheet this long is still one file a clerk can open. */
    static final int MAX_ROWS = 200_000;

    private final PlacementList list;
    private final PlaceNames places;
    private final MessageSource messages;
    private final AuditTrail audit;

    PlacementExport(PlacementList list, PlaceNames places, MessageSource messages, AuditTrail audit) {
        this.list = list;
        this.places = places;
        this.messages = messages;
        this.audit = audit;
    }

    int placements(PlacementList.PlacementFilter filter, PlacementList.Sort sort, LocalDate today, Locale locale,
                   String description, OutputStream out) throws IOException {
        List<String> headers = headers(locale, "name", "id-number", "age", "residence", "institution", "kind",
                "bed-type", "from", "to", "end-reason");
        try (ListSheet sheet = new ListSheet(message("placement.export.sheet", locale), headers)) {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            list.eachPlacement(filter, sort, MAX_ROWS, row -> {
                List<Object> cells = new ArrayList<>();
                cells.add(row.person().name());
                cells.add(row.person().idNumberMasked());
                cells.add(Ages.yearsOn(row.person().birthDate(), row.person().deathDate(), today));
                cells.add(names.computeIfAbsent(row.person().residenceDivisionCode(), places::of));
                cells.add(row.institutionName());
                cells.add(message("placement-kind." + row.kind().name(), locale));
                cells.add(row.bedType() == null ? null : message("placement-bed-type." + row.bedType(), locale));
                cells.add(row.fromDate());
                cells.add(row.toDate());
                cells.add(endReason(row.endReason(), locale));
                sheet.add(cells);
            });
            sheet.writeTo(out);
            audit.record(AuditRecord.success("LIST_EXPORTED", "placements", description + " rows=" + sheet.rows()));
            return sheet.rows();
        }
    }

    int enrolments(PlacementList.EnrolmentFilter filter, PlacementList.Sort sort, LocalDate today, Locale locale,
                   String description, OutputStream out) throws IOException {
        List<String> headers = headers(locale, "name", "id-number", "age-months", "residence", "provider", "class",
                "enrol-from", "to");
        try (ListSheet sheet = new ListSheet(message("placement.export.enrolment-sheet", locale), headers)) {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            list.eachEnrolment(filter, sort, MAX_ROWS, row -> {
                List<Object> cells = new ArrayList<>();
                cells.add(row.person().name());
                cells.add(row.person().idNumberMasked());
                cells.add(Ages.monthsOn(row.person().birthDate(), row.person().deathDate(), today));
                cells.add(names.computeIfAbsent(row.person().residenceDivisionCode(), places::of));
                cells.add(row.providerName());
                cells.add(row.classType() == null ? null : message("class-type." + row.classType(), locale));
                cells.add(row.fromDate());
                cells.add(row.toDate());
                sheet.add(cells);
            });
            sheet.writeTo(out);
            audit.record(AuditRecord.success("LIST_EXPORTED", "enrolments", description + " rows=" + sheet.rows()));
            return sheet.rows();
        }
    }

    String endReason(String reason, Locale locale) {
        if (reason == null) {
            return null;
        }
        return messages.getMessage("placement.end-reason." + reason, null, reason, locale);
    }

    private List<String> headers(Locale locale, String... keys) {
        List<String> headers = new ArrayList<>();
        for (String key : keys) {
            headers.add(message("placement.export.column." + key, locale));
        }
        return headers;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
