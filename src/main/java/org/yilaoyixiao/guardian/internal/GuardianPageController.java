package org.yilaoyixiao.guardian.internal;

import java.time.LocalDateTime;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;

/** The live alert board, an alert's detail with the elder's recent timeline and track, and the guardian person tab. */
@Controller
class GuardianPageController {

    private final GuardianAlerts alerts;
    private final AlertStream stream;
    private final PersonDirectory persons;
    private final DeviceDirectory devices;
    private final ElderProfiles profiles;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final org.yilaoyixiao.divisions.DivisionDirectory divisions;
    private final AlertTexts texts;
    private final org.yilaoyixiao.platform.security.DisplayNames displayNames;

    GuardianPageController(GuardianAlerts alerts, AlertStream stream, PersonDirectory persons,
                           DeviceDirectory devices, ElderProfiles profiles, CurrentUsers currentUsers,
                           MessageSource messages, JdbcClient jdbc,
                           org.yilaoyixiao.divisions.DivisionDirectory divisions, AlertTexts texts,
                           org.yilaoyixiao.platform.security.DisplayNames displayNames) {
        this.displayNames = displayNames;
        this.texts = texts;
        this.divisions = divisions;
        this.alerts = alerts;
        this.stream = stream;
        this.persons = persons;
        this.devices = devices;
        this.profiles = profiles;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** An alert row for display: the elder's name and village, local times and the reason in words. */
    record Row(GuardianAlerts.Alert alert, String personName, String villageName, LocalDateTime openedAt,
               LocalDateTime lastTriggeredAt, String reason) {
    }

    @GetMapping("/guardian/alerts")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String board(@RequestParam(required = false) String status, @RequestParam(required = false) AlertType type,
                 @RequestParam(required = false) Integer page, Model model, Locale locale) {
        rows(model, null, new Filter(status, type, page), locale);
        return "guardian/board";
    }

    @GetMapping("/guardian/alerts/rows")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String rowsFragment(@RequestParam(required = false) String status, @RequestParam(required = false) AlertType type,
                        @RequestParam(required = false) Integer page, Model model, Locale locale) {
        rows(model, null, new Filter(status, type, page), locale);
        return "guardian/board :: rows";
    }

    /** The board's filters: a state ("ACTIVE" open or acknowledged, the default), a type, a page. */
    record Filter(String status, AlertType type, Integer page) {

        Filter {
            status = status == null || status.isBlank() ? "ACTIVE" : status.strip();
        }

        GuardianAlerts.Status single() {
            if ("ACTIVE".equals(status) || "ALL".equals(status)) {
                return null;
            }
            try {
                return GuardianAlerts.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("status", "INVALID", "guardian.status.invalid");
            }
        }

        boolean activeOnly() {
            return "ACTIVE".equals(status);
        }
    }

    @GetMapping(path = "/guardian/alerts/stream", produces = "text/event-stream")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    @ResponseBody
    SseEmitter events() {
        return stream.open(currentUsers.require().divisionCode());
    }

    @PostMapping("/guardian/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.HANDLE + "')")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String note, Model model,
                       Locale locale) {
        try {
            alerts.acknowledge(id, note, currentUsers.require());
            rows(model, null, new Filter(null, null, null), locale);
        } catch (ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e;
            }
            rows(model, messages.getMessage(e.detailKey(), e.detailArgs(), locale), new Filter(null, null, null),
                    locale);
        }
        return "guardian/board :: rows";
    }

    @PostMapping("/guardian/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.HANDLE + "')")
    String resolve(@PathVariable long id, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String falseAlarm, Model model, Locale locale) {
        try {
            alerts.resolve(id, "true".equals(falseAlarm), note, currentUsers.require());
            rows(model, null, new Filter(null, null, null), locale);
        } catch (ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e;
            }
            rows(model, messages.getMessage(e.detailKey(), e.detailArgs(), locale), new Filter(null, null, null),
                    locale);
        }
        return "guardian/board :: rows";
    }

    /** A reading for the timeline, in local time. */
    record TimelineEntry(LocalDateTime at, String deviceId, String type, Double lat, Double lon, Double value) {
    }

    @GetMapping("/guardian/alerts/{id}")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String detail(@PathVariable long id, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        GuardianAlerts.Alert alert = alerts.visible(id, actor);
        model.addAttribute("row", rows(List.of(alert), locale).get(0));
        List<GuardianAlerts.Event> events = alerts.history(id);
        Map<String, String> actors = userNames(events.stream().map(GuardianAlerts.Event::actor).toList());
        model.addAttribute("history", events.stream()
                .map(e -> Map.of("at", LocalDateTime.ofInstant(e.at(), BusinessTime.ZONE), "event", e,
                        "actor", actors.getOrDefault(e.actor(), messages.getMessage("guardian.actor.system", null,
                                locale)),
                        // the opening event's note is the detector's line: shown as the reason above instead
                        "note", "OPENED".equals(e.action()) || e.note() == null ? "" : e.note())).toList());
        List<TimelineEntry> timeline = jdbc.sql("""
                        select r.at, r.device_id, r.type, r.lat::float8, r.lon::float8, r.value::float8
                        from guardian.reading r
                        join guardian.device d on d.device_id = r.device_id
                        where d.person_id = :p and r.at <= :until order by r.at desc limit 50
                        """).param("p", alert.personId())
                .param("until", TelemetryIngestion.utc(alert.lastTriggeredAt().plusSeconds(3600)))
                .query((rs, i) -> new TimelineEntry(LocalDateTime.ofInstant(
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), BusinessTime.ZONE),
                        rs.getString(2), rs.getString(3), (Double) rs.getObject(4), (Double) rs.getObject(5),
                        (Double) rs.getObject(6))).list();
        model.addAttribute("timeline", timeline);
        model.addAttribute("track", timeline.stream().filter(t -> t.lat() != null).toList());
        model.addAttribute("zones", profiles.safeZones(alert.personId()).stream()
                .map(z -> Map.of("name", texts.zoneName(z.name(), locale), "radius", z.radiusMeters())).toList());
        return "guardian/detail";
    }

    @GetMapping("/guardian/persons/{personId}/tab")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String tab(@PathVariable long personId, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        persons.find(personId).filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("guardian.person.not-found", Long.toString(personId)));
        var profile = profiles.profile(personId);
        model.addAttribute("personId", personId);
        model.addAttribute("devices", devices.ofPerson(personId));
        model.addAttribute("zones", profile.safeZones().stream().filter(z -> !z.learned()).toList());
        model.addAttribute("dementia", profile.dementia());
        model.addAttribute("gapHours", String.format(Locale.ROOT, "%.1f",
                profile.normalActivityGap().toMinutes() / 60.0));
        model.addAttribute("alerts", rows(alerts.list(personId, null, null, PageRequest.of(0, 10), actor).items(),
                locale));
        return "guardian/tab :: guardian";
    }

    private void rows(Model model, String problem, Filter filter, Locale locale) {
        CurrentUser actor = currentUsers.require();
        PageResponse<GuardianAlerts.Alert> page = alerts.list(null, filter.type(), filter.single(),
                filter.activeOnly(), PageRequest.of(filter.page(), 50), actor);
        model.addAttribute("rows", rows(page.items(), locale));
        // built from the board's own address: the rows are also answered to the acknowledge and resolve posts
        org.springframework.web.util.UriComponentsBuilder board = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/guardian/alerts").queryParam("status", filter.status());
        if (filter.type() != null) {
            board.queryParam("type", filter.type().name());
        }
        model.addAttribute("pager", Pager.of(page.page(), page.size(), page.totalElements(), board));
        model.addAttribute("filter", filter);
        model.addAttribute("types", AlertType.values());
        model.addAttribute("statuses", GuardianAlerts.Status.values());
        model.addAttribute("rowsUrl", board.cloneBuilder().replacePath("/guardian/alerts/rows")
                .replaceQueryParam("page", page.page()).build().toUriString());
        model.addAttribute("problem", problem);
    }

    private List<Row> rows(List<GuardianAlerts.Alert> found, Locale locale) {
        Map<Long, String> names = new java.util.HashMap<>();
        List<Long> ids = found.stream().map(GuardianAlerts.Alert::personId).distinct().toList();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from registry.published_person where id = any(:ids)")
                    .param("ids", ids.toArray(Long[]::new)).query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        Map<String, String> villages = new java.util.HashMap<>();
        return found.stream().map(a -> new Row(a, names.getOrDefault(a.personId(), ""),
                villages.computeIfAbsent(a.divisionCode(), c -> divisions.find(c).map(d -> d.name()).orElse("")),
                LocalDateTime.ofInstant(a.openedAt(), BusinessTime.ZONE),
                LocalDateTime.ofInstant(a.lastTriggeredAt(), BusinessTime.ZONE),
                texts.reason(a.type(), a.details(), locale))).toList();
    }

    private Map<String, String> userNames(List<String> usernames) {
        return displayNames.accounts(usernames.stream().filter(java.util.Objects::nonNull).distinct().toList());
    }
}
