package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.guardian.detection.LearnedRoutine;
import org.yilaoyixiao.guardian.detection.SafeZone;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonSummary;
import tools.jackson.databind.ObjectMapper;

/** The device list of the user's scope and an elder's learned routine (places, hours, curves, outings). */
@Controller
class RoutinePageController {

    private final DeviceList deviceList;
    private final DeviceDirectory devices;
    private final RoutineStore routines;
    private final RoutineLearning learning;
    private final ElderProfiles profiles;
    private final ElderScope scope;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final java.time.Clock clock;

    RoutinePageController(DeviceList deviceList, DeviceDirectory devices, RoutineStore routines,
                          RoutineLearning learning, ElderProfiles profiles, ElderScope scope,
                          DivisionDirectory divisions, CurrentUsers currentUsers, AuditTrail audit, JdbcClient jdbc,
                          ObjectMapper json, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.deviceList = deviceList;
        this.devices = devices;
        this.routines = routines;
        this.learning = learning;
        this.profiles = profiles;
        this.scope = scope;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
    }

    /** A device row for display, with last seen in local time. */
    record DeviceView(DeviceList.Row device, LocalDateTime lastSeen) {
    }

    @GetMapping("/guardian/devices")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String devices(@RequestParam(required = false) String township, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                   Model model) {
        CurrentUser actor = currentUsers.require();
        List<Division> townships = divisions.subtree(actor.divisionCode()).stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP).toList();
        String chosenTownship = townships.stream().map(Division::code).filter(c -> c.equals(township)).findFirst()
                .orElse(null);
        DeviceType chosenType = parse(DeviceType.class, type);
        DeviceList.Status chosenStatus = parse(DeviceList.Status.class, status);
        var found = deviceList.list(divisions.subtreeCodes(actor.divisionCode()), chosenTownship,
                chosenType, chosenStatus, org.yilaoyixiao.platform.api.PageRequest.of(page, 100));
        List<DeviceView> rows = found.items().stream().map(r -> new DeviceView(r, r.lastSeenAt() == null ? null
                        : LocalDateTime.ofInstant(r.lastSeenAt(), BusinessTime.ZONE))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("pager", org.yilaoyixiao.platform.web.Pager.of(found));
        model.addAttribute("limit", DeviceList.LIMIT);
        model.addAttribute("townships", townships);
        model.addAttribute("types", DeviceType.values());
        model.addAttribute("statuses", DeviceList.Status.values());
        model.addAttribute("township", chosenTownship);
        model.addAttribute("type", chosenType);
        model.addAttribute("status", chosenStatus);
        return "guardian/devices";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A place for display: its label, source, centre, radius and usual hours. */
    record PlaceView(String label, String source, double lat, double lon, int radiusMeters, String hours) {
    }

    /** An outing for display. */
    record OutingView(String window, String place, int rangeMeters, int days) {
    }

    @GetMapping("/guardian/persons/{personId}/routine")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String routine(@PathVariable long personId, Model model, Locale locale) {
        PersonSummary person = visiblePerson(personId);
        RoutineStore.Stored stored = routines.find(personId).orElse(null);
        List<SafeZone> manual = profiles.safeZones(personId);
        model.addAttribute("person", person);
        model.addAttribute("elderMasked", DeviceList.mask(person.name()));
        model.addAttribute("stored", stored);
        model.addAttribute("learnedAt", stored == null ? null
                : LocalDateTime.ofInstant(stored.learnedAt(), BusinessTime.ZONE));
        model.addAttribute("historyDays", stored == null ? learning.historyDays() : stored.historyDays());
        model.addAttribute("devices", devices.ofPerson(personId));
        model.addAttribute("dementia", profiles.profile(personId).dementia());
        List<PlaceView> places = new ArrayList<>();
        LearnedRoutine routine = stored == null ? null : stored.routine();
        if (routine != null) {
            for (SafeZone p : routine.places()) {
                places.add(new PlaceView(placeLabel(p, locale), p.source().name(), p.lat(), p.lon(),
                        p.radiusMeters(), p.source() == SafeZone.Source.LEARNED_HOME ? msg("guardian.routine.always",
                        locale) : hours(p.hours(), locale)));
            }
            model.addAttribute("activeHours", routine.activeHours() == 0 ? null : hours(routine.activeHours(), locale));
            model.addAttribute("waterBy", time(routine.waterByMinute()));
            model.addAttribute("powerBy", time(routine.powerByMinute()));
            model.addAttribute("gapHours", routine.normalActivityGap() == null ? null : String.format(Locale.ROOT,
                    "%.1f", routine.normalActivityGap().toMinutes() / 60.0));
            model.addAttribute("outings", routine.outings().stream().map(o -> new OutingView(
                    time(o.fromMinute()) + "–" + time(o.toMinute()), o.place().isEmpty() ? "" : placeLabel(
                    routine.places().stream().filter(p -> p.name().equals(o.place())).findFirst().orElse(null),
                    locale), o.rangeMeters(), o.days())).toList());
        }
        model.addAttribute("places", places);
        model.addAttribute("manual", manual);
        model.addAttribute("chartJson", chartJson(personId, routine, places, manual, locale));
        audit.record(AuditRecord.success("GUARDIAN_ROUTINE_VIEWED", "person:" + personId, ""));
        return "guardian/routine";
    }

    @PostMapping("/guardian/persons/{personId}/routine/relearn")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.HANDLE + "')")
    String relearn(@PathVariable long personId) {
        visiblePerson(personId);
        LearnedRoutine routine = learning.relearn(personId);
        audit.record(AuditRecord.success("GUARDIAN_ROUTINE_RELEARNED", "person:" + personId,
                "days=" + routine.days() + " places=" + routine.places().size()));
        return "redirect:/guardian/persons/" + personId + "/routine";
    }

    private PersonSummary visiblePerson(long personId) {
        return scope.visible(personId);
    }

    private String placeLabel(SafeZone place, Locale locale) {
        if (place == null) {
            return "";
        }
        if (place.source() == SafeZone.Source.LEARNED_HOME) {
            return msg("guardian.place.home", locale);
        }
        if (place.source() == SafeZone.Source.LEARNED_PLACE) {
            return messages.getMessage("guardian.place.numbered", new Object[] {place.name().replace("place-", "")},
                    locale);
        }
        return place.name();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A mask of hours as ranges: "06:00–09:00, 13:00–16:00". */
    private String hours(int mask, Locale locale) {
        if (mask == SafeZone.ALL_HOURS) {
            return msg("guardian.routine.always", locale);
        }
        List<String> ranges = new ArrayList<>();
        int h = 0;
        while (h < 24) {
            if ((mask >> h & 1) == 0) {
                h++;
                continue;
            }
            int start = h;
            while (h < 24 && (mask >> h & 1) != 0) {
                h++;
            }
            ranges.add(String.format(Locale.ROOT, "%02d:00–%02d:00", start, h));
        }
        return String.join(", ", ranges);
    }

    private static String time(Integer minute) {
        return minute == null ? null : LocalTime.MIN.plusMinutes(minute).toString();
    }

    /** Everything the charts draw, as JSON for a data attribute (no inline script). */
    private String chartJson(long personId, LearnedRoutine routine, List<PlaceView> places, List<SafeZone> manual,
                             Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> zones = new ArrayList<>();
        for (PlaceView p : places) {
            zones.add(Map.of("name", p.label(), "lat", p.lat(), "lon", p.lon(), "radius", p.radiusMeters(),
                    "learned", true));
        }
        for (SafeZone z : manual) {
            zones.add(Map.of("name", z.name(), "lat", z.lat(), "lon", z.lon(), "radius", z.radiusMeters(),
                    "learned", false));
        }
        data.put("zones", zones);
        Instant since = clock.instant().minus(java.time.Duration.ofDays(7));
        data.put("track", jdbc.sql("""
                        select r.lon::float8, r.lat::float8 from guardian.reading r
                        join guardian.device d on d.device_id = r.device_id
                        where d.person_id = :p and r.type = 'LOCATION' and r.at >= :since
                        order by r.at desc limit 2000""").param("p", personId)
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, i) -> List.of(rs.getDouble(1), rs.getDouble(2))).list());
        data.put("hourDays", routine == null ? new int[24] : routine.activeHourDays());
        data.put("water", routine == null ? new double[24] : routine.waterCurve());
        data.put("power", routine == null ? new double[24] : routine.powerCurve());
        data.put("labels", Map.of("track", msg("guardian.routine.track", locale),
                "learned", msg("guardian.routine.learned-places", locale),
                "manual", msg("guardian.routine.manual-zones", locale),
                "days", msg("guardian.routine.days-active", locale),
                "water", msg("guardian.reading-type.WATER", locale),
                "power", msg("guardian.reading-type.POWER", locale)));
        return json.writeValueAsString(data);
    }
}
