package org.yilaoyixiao.exchange.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.exchange.ExchangePermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Data exchange")
class ExchangeApiController {

    private final Feeds feeds;
    private final FeedRepository repository;
    private final ReviewQueue review;
    private final ProvinceOutbox outbox;
    private final CurrentUsers currentUsers;
    private final RejectionReasons reasons;

    ExchangeApiController(Feeds feeds, FeedRepository repository, ReviewQueue review, ProvinceOutbox outbox,
                          CurrentUsers currentUsers, RejectionReasons reasons) {
        this.feeds = feeds;
        this.repository = repository;
        this.review = review;
        this.outbox = outbox;
        this.currentUsers = currentUsers;
        this.reasons = reasons;
    }

    record RejectedResponse(int index, String recordId, String code, String reason) {
    }

    record LoadResponse(long id, int accepted, int duplicates, List<RejectedResponse> rejected, int queuedForReview) {
    }

    record ResolveRequest(Long personId, String note) {
    }

    @PostMapping(value = "/api/v1/feeds/{feed}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    @Operation(summary = "Load records of a feed (household | assistance | health | insurance) as a JSON array, format "
            + "in docs/operations/data-exchange-feeds.md. 202 {id, accepted, duplicates, rejected[{index, reason}], "
            + "queuedForReview}: a recordId the feed already has is a duplicate and changes nothing; a malformed "
            + "record is rejected with its reason and the others still load")
    ResponseEntity<LoadResponse> json(@PathVariable String feed, @RequestBody List<Object> records, Locale locale) {
        return ResponseEntity.accepted().body(response(feeds.load(feed, "API", null, records,
                currentUsers.require()), locale));
    }

    @PostMapping(value = "/api/v1/feeds/{feed}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    @Operation(summary = "Load a feed file (CSV in UTF-8 or xlsx; a header row with the JSON field names); same "
            + "answer as the JSON form")
    ResponseEntity<LoadResponse> file(@PathVariable String feed, @RequestPart("file") MultipartFile file,
                                      Locale locale) throws IOException {
        List<Map<String, Object>> records = FeedFiles.read(file.getOriginalFilename(), file.getInputStream());
        return ResponseEntity.accepted().body(response(feeds.load(feed, "FILE", file.getOriginalFilename(), records,
                currentUsers.require()), locale));
    }

    @GetMapping("/api/v1/feeds/loads/{id}")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    @Operation(summary = "One delivery: its counts, its records with what each did, and its rejections")
    Map<String, Object> load(@PathVariable long id, Locale locale) {
        FeedRepository.Load load = repository.load(id).orElseThrow(() ->
                ApiException.notFound("exchange.load.not-found", Long.toString(id)));
        return Map.of("load", load, "records", repository.ofLoad(id),
                "rejected", repository.rejections(id).stream().map(r -> new RejectedResponse(r.index(), r.recordId(),
                        r.reason(), reason(r.reason(), r.args(), locale))).toList());
    }

    @GetMapping("/api/v1/feeds/review")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    @Operation(summary = "Records that matched nobody, oldest first (at most 500)")
    List<FeedRepository.Stored> queue() {
        return review.queued();
    }

    @PostMapping("/api/v1/feeds/review/{id}/resolve")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    @Operation(summary = "Apply a queued record to the named person (409 if it is no longer queued or the registry "
            + "refuses the change)")
    FeedRepository.Stored resolve(@PathVariable long id, @RequestBody ResolveRequest request) {
        return review.resolve(id, request.personId(), request.note(), currentUsers.require());
    }

    @PostMapping("/api/v1/feeds/review/{id}/dismiss")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    @Operation(summary = "Dismiss a queued record with a note (it changes nothing)")
    FeedRepository.Stored dismiss(@PathVariable long id, @RequestBody ResolveRequest request) {
        return review.dismiss(id, request.note(), currentUsers.require());
    }

    @GetMapping("/api/v1/province/deliveries")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.DELIVERIES + "')")
    @Operation(summary = "The province outbox, newest first: each payload with its status, attempts and last error")
    List<ProvinceOutbox.Delivery> deliveries(@RequestParam(required = false) String status) {
        return outbox.deliveries(status, 200);
    }

    private LoadResponse response(Feeds.Loaded loaded, Locale locale) {
        return new LoadResponse(loaded.id(), loaded.accepted(), loaded.duplicates(),
                loaded.rejected().stream().map(r -> new RejectedResponse(r.index(), r.recordId(), r.reason(),
                        reason(r.reason(), String.join(RejectionReasons.SEPARATOR, r.args()), locale))).toList(),
                loaded.queuedForReview());
    }

    private String reason(String key, String args, Locale locale) {
        return reasons.text(key, args, locale);
    }
}
