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
import org.yilaoyixiao.guardian.GuardianPermissions;
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

    GuardianPageController(GuardianAlerts alerts, AlertStream stream, PersonDirectory persons,
                           DeviceDirectory devices, ElderProfiles profiles, CurrentUsers currentUsers,
                           MessageSource messages, JdbcClient jdbc,
                           org.yilaoyixiao.divisions.DivisionDirectory divisions) {
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

    /** An alert row for display: the elder's name and local times. */
    record Row(GuardianAlerts.Alert alert, String personName, LocalDateTime openedAt, LocalDateTime lastTriggeredAt) {
    }

    @GetMapping("/guardian/alerts")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String board(Model model) {
        rows(model, null);
        return "guardian/board";
    }

    @GetMapping("/guardian/alerts/rows")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String rowsFragment(Model model) {
        rows(model, null);
        return "guardian/board :: rows";
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
            rows(model, null);
        } catch (ApiException e) {
            rows(model, messages.getMessage(e.detailKey(), e.detailArgs(), locale));
        }
        return "guardian/board :: rows";
    }

    @PostMapping("/guardian/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.HANDLE + "')")
    String resolve(@PathVariable long id, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String falseAlarm, Model model, Locale locale) {
        try {
            alerts.resolve(id, "true".equals(falseAlarm), note, currentUsers.require());
            rows(model, null);
        } catch (ApiException e) {
            rows(model, messages.getMessage(e.detailKey(), e.detailArgs(), locale));
        }
        return "guardian/board :: rows";
    }

    /** A reading for the timeline, in local time. */
    record TimelineEntry(LocalDateTime at, String deviceId, String type, Double lat, Double lon, Double value) {
    }

    @GetMapping("/guardian/alerts/{id}")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String detail(@PathVariable long id, Model model) {
        CurrentUser actor = currentUsers.require();
        GuardianAlerts.Alert alert = alerts.visible(id, actor);
        model.addAttribute("row", row(alert));
        model.addAttribute("history", alerts.history(id).stream()
                .map(e -> Map.of("at", LocalDateTime.ofInstant(e.at(), BusinessTime.ZONE), "event", e)).toList());
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
        model.addAttribute("zones", profiles.safeZones(alert.personId()));
        return "guardian/detail";
    }

    @GetMapping("/guardian/persons/{personId}/tab")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    String tab(@PathVariable long personId, Model model) {
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
        model.addAttribute("alerts", alerts.list(personId, null, null, PageRequest.of(0, 10), actor).items()
                .stream().map(this::row).toList());
        return "guardian/tab :: guardian";
    }

    private void rows(Model model, String problem) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("rows", alerts.list(null, null, null, PageRequest.of(0, 100), actor).items().stream()
                .map(this::row).toList());
        model.addAttribute("problem", problem);
    }

    private Row row(GuardianAlerts.Alert a) {
        return new Row(a, persons.find(a.personId()).map(p -> p.name()).orElse("#" + a.personId()),
                LocalDateTime.ofInstant(a.openedAt(), BusinessTime.ZONE),
                LocalDateTime.ofInstant(a.lastTriggeredAt(), BusinessTime.ZONE));
    }
}
