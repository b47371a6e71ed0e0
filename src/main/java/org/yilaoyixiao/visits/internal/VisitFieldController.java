package org.yilaoyixiao.visits.internal;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.visits.VisitPermissions;

/**
 * The phone page's submission: the same contract as {@code POST /api/v1/visits}, but in the logged-in web session
 * (with its CSRF token), so that the page's script can send the draft it kept while the network was down.
 */
@RestController
class VisitFieldController {

    private final Visits visits;
    private final CurrentUsers currentUsers;

    VisitFieldController(Visits visits, CurrentUsers currentUsers) {
        this.visits = visits;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/visits/field")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    ResponseEntity<VisitApiController.VisitResponse> submit(@RequestBody VisitRequest request) {
        Visits.Recorded recorded = visits.record(request, currentUsers.require());
        VisitApiController.VisitResponse body = VisitApiController.response(recorded.visit());
        if (recorded.replayed()) {
            return ResponseEntity.ok().header(VisitApiController.REPLAYED, "true").body(body);
        }
        return ResponseEntity.created(URI.create("/visits/" + body.id())).body(body);
    }
}
