package org.yilaoyixiao.lovecard.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.lovecard.FundingSource;
import org.yilaoyixiao.lovecard.LoveCardPermissions;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;

@RestController
@Tag(name = "Love card (爱心卡)")
class LoveCardApiController {

    private final LoveCards loveCards;
    private final CurrentUsers currentUsers;

    LoveCardApiController(LoveCards loveCards, CurrentUsers currentUsers) {
        this.loveCards = loveCards;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/love-cards/{personId}")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "')")
    @Operation(summary = "A person's love card: whether they qualify (reasons as message keys), the balance of each "
            + "purse and the total")
    CardResponse card(@PathVariable long personId) {
        LoveCards.Card card = loveCards.card(personId, currentUsers.require());
        return new CardResponse(personId, card.eligible(), card.reasons(), card.issued(), card.balances(),
                card.total());
    }

    @GetMapping("/api/v1/love-cards")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "')")
    @Operation(summary = "Issued cards in a division (default: the caller's scope), with balances")
    PageResponse<CardResponse> cards(@RequestParam(required = false) String division,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        var actor = currentUsers.require();
        List<CardResponse> items = loveCards.cardsIn(division, request.page(), request.size(), actor).stream()
                .map(c -> new CardResponse(c.person().id(), true, List.of(), true, c.balances(), c.total())).toList();
        return new PageResponse<>(items, request.page(), request.size(), loveCards.countCards(division, actor));
    }

    @PostMapping("/api/v1/love-cards/{personId}/top-ups")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.FUND + "')")
    @Operation(summary = "Put money on a card from one source (DONATION needs the donor). 201 when posted; the same "
            + "idempotencyKey again posts nothing and answers 200 with the first top-up (409 if the key was used for "
            + "another top-up); 409 NOT_ELIGIBLE if the person does not qualify; 400 for a non-positive amount")
    ResponseEntity<TopUpResponse> topUp(@PathVariable long personId, @RequestBody TopUpRequest request) {
        var actor = currentUsers.require();
        LoveCards.TopUpResult result = loveCards.topUp(personId, request.source(), request.amount(),
                request.reference(), request.donor(), request.idempotencyKey(), actor);
        LoveCards.Card card = loveCards.card(personId, actor);
        var t = result.topUp();
        TopUpResponse body = new TopUpResponse(t.id(), personId, t.source(), t.amount(), t.reference(), t.donor(),
                result.replayed(), card.balances(), card.total());
        return result.replayed() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/love-cards/" + personId)).body(body);
    }

    @PostMapping("/api/v1/love-cards/allocations")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.FUND + "')")
    @Operation(summary = "Batch top-up (e.g. a government allocation): the same amount on every card the rules admit "
            + "in a division within the pilot areas (default: the caller's scope); once per idempotencyKey")
    ResponseEntity<AllocationResponse> allocate(@RequestBody AllocationRequest request) {
        LoveCards.AllocationResult result = loveCards.allocate(request.source(), request.amountPerCard(),
                request.division(), request.reference(), request.donor(), request.idempotencyKey(),
                currentUsers.require());
        AllocationResponse body = new AllocationResponse(result.id(), result.cards(), result.total(),
                result.replayed());
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    @GetMapping("/api/v1/love-cards/{personId}/statement")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "')")
    @Operation(summary = "A card's movements per purse between two dates (inclusive, default: the card's whole "
            + "life): opening + in − out = closing for each purse; read audited")
    LoveCards.Statement statement(@PathVariable long personId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return loveCards.statement(personId, start(from), end(to), currentUsers.require());
    }

    @GetMapping("/api/v1/love-cards/funders/{source}/statement")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "')")
    @Operation(summary = "How one source's money was used over the cards in a division: topped up, spent on services "
            + "(by category), refunded, net")
    LoveCards.FunderStatement funderStatement(@PathVariable String source,
                                              @RequestParam(required = false) String division,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return loveCards.funderStatement(source, division, start(from), end(to), currentUsers.require());
    }

    static Instant start(LocalDate from) {
        return from == null ? Instant.EPOCH : from.atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    static Instant end(LocalDate to) {
        return to == null ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    record CardResponse(long personId, boolean eligible, List<String> reasons, boolean issued,
                        Map<FundingSource, BigDecimal> balances, BigDecimal total) {
    }

    record TopUpRequest(String source, BigDecimal amount, String reference, String donor, String idempotencyKey) {
    }

    record TopUpResponse(long id, long personId, FundingSource source, BigDecimal amount, String reference,
                         String donor, boolean replayed, Map<FundingSource, BigDecimal> balances, BigDecimal total) {
    }

    record AllocationRequest(String source, BigDecimal amountPerCard, String division, String reference, String donor,
                             String idempotencyKey) {
    }

    record AllocationResponse(long id, int cards, BigDecimal total, boolean replayed) {
    }
}
