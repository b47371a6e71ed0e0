package org.yilaoyixiao.indicators.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yilaoyixiao.indicators.IndicatorPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.DisplayNames;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * "重新计算" on the dashboard: recomputes the year's indicators now (one at a time) and returns to the dashboard, which
 * says when the last recomputation finished and what it computed ({@link #view}).
 */
@Controller
class RecomputeController {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessTime.ZONE);

    private final RecomputeRuns runs;
    private final IndicatorScope scope;
    private final DisplayNames names;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    RecomputeController(RecomputeRuns runs, IndicatorScope scope, DisplayNames names, CurrentUsers currentUsers,
                        MessageSource messages) {
        this.runs = runs;
        this.scope = scope;
        this.names = names;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /** The line on the dashboard: a recomputation running, and the last finished one. */
    record RecomputeView(boolean running, String runningBy, String runningSince, String finishedAt, String outcome,
                         Integer year, Integer indicators, Integer divisions, Long millis, String finishedBy) {
    }

    RecomputeView view(Locale locale) {
        var running = runs.running();
        var last = runs.lastFinished();
        List<String> actors = new ArrayList<>();
        running.ifPresent(r -> actors.add(r.startedBy()));
        last.ifPresent(r -> actors.add(r.startedBy()));
        Map<String, String> shown = actors.isEmpty() ? Map.of() : names.names(actors, locale);
        return new RecomputeView(running.isPresent(),
                running.map(r -> shown.getOrDefault(r.startedBy(), r.startedBy())).orElse(null),
                running.map(r -> SHOWN.format(r.startedAt())).orElse(null),
                last.map(r -> SHOWN.format(r.finishedAt())).orElse(null),
                last.map(RecomputeRuns.Run::outcome).orElse(null), last.map(RecomputeRuns.Run::year).orElse(null),
                last.map(RecomputeRuns.Run::indicators).orElse(null),
                last.map(RecomputeRuns.Run::divisions).orElse(null), last.map(RecomputeRuns.Run::millis).orElse(null),
                last.map(r -> shown.getOrDefault(r.startedBy(), r.startedBy())).orElse(null));
    }

    @PostMapping("/indicators/recompute")
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.RECOMPUTE + "')")
    String recompute(@RequestParam(required = false) Integer year, @RequestParam(required = false) String division,
                     RedirectAttributes redirect, Locale locale) {
        var user = currentUsers.require();
        int y = scope.year(year);
        String code = scope.division(user, division);
        try {
            RecomputeRuns.Run run = runs.recompute(y, user);
            redirect.addFlashAttribute("recomputeMessage", messages.getMessage("indicators.recompute.done",
                    new Object[]{run.indicators(), run.millis()}, locale));
        } catch (ApiException e) {
            RecomputeView view = view(locale);
            redirect.addFlashAttribute("recomputeProblem", messages.getMessage("indicators.recompute.busy",
                    new Object[]{view.runningBy(), view.runningSince()}, locale));
        }
        return "redirect:" + UriComponentsBuilder.fromPath(DashboardController.PATH).queryParam("division", code)
                .queryParam("year", y).build().toUriString();
    }
}
