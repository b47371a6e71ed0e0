package org.yilaoyixiao.visits.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
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

    /**
     * A photo taken on the form, uploaded by the page's script once the visit exists, with the key the phone made for
     * it: sent again, the photo is stored once (200 instead of 201).
     */
    @PostMapping(path = "/visits/field/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    ResponseEntity<Map<String, Long>> photo(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                            @RequestParam(name = "key", required = false) String key)
            throws IOException {
        Visits.StoredPhoto photo = visits.addPhoto(id, file.getContentType(), file.getBytes(), key,
                currentUsers.require());
        return ResponseEntity.status(photo.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("id", photo.id()));
    }
}
