package org.yilaoyixiao.services.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.services.NeedChannel;
import org.yilaoyixiao.services.ServiceCategory;
import org.yilaoyixiao.services.ServicesPermissions;

@RestController
@Tag(name = "养老管家 services: menu, butler teams, orders")
class ServicesApiController {

    private final MenuRepository menu;
    private final Orders orders;
    private final ButlerTeams teams;
    private final DispatchSuggestions suggestions;
    private final Breaches breaches;
    private final Supervision supervision;
    private final ServicesScope scope;
    private final CurrentUsers currentUsers;
    private final MenuChanges changes;

    ServicesApiController(MenuRepository menu, Orders orders, ButlerTeams teams, DispatchSuggestions suggestions,
                          Breaches breaches, Supervision supervision, ServicesScope scope, CurrentUsers currentUsers,
                          MenuChanges changes) {
        this.menu = menu;
        this.orders = orders;
        this.teams = teams;
        this.suggestions = suggestions;
        this.breaches = breaches;
        this.supervision = supervision;
        this.scope = scope;
        this.currentUsers = currentUsers;
        this.changes = changes;
    }

    record NewItemRequest(String code, ServiceCategory category, String name, String unit, BigDecimal price,
                          List<String> availableIn) {
    }

    record PriceRequest(BigDecimal price) {
    }

    @PostMapping("/api/v1/service-items")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_MANAGE + "')")
    @Operation(summary = "Add an item to the menu {code (A-Z, 0-9, -), category, name, unit, price (yuan, >= 0, at "
            + "most 2 decimals), availableIn (division codes)}; a taken code is 409")
    ResponseEntity<ItemResponse> addItem(@RequestBody NewItemRequest request) {
        ServiceItem item = changes.add(request.code(), request.category(), request.name(), request.unit(),
                request.price(), request.availableIn());
        return ResponseEntity.created(URI.create("/api/v1/service-items/" + item.id())).body(item(item));
    }

    @PutMapping("/api/v1/service-items/{id}/price")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_MANAGE + "')")
    @Operation(summary = "Change an item's price {price}: for orders taken from now on; existing orders keep theirs")
    ItemResponse reprice(@PathVariable long id, @RequestBody PriceRequest request) {
        return item(changes.reprice(id, request.price()));
    }

    private ItemResponse item(ServiceItem i) {
        return new ItemResponse(i.id(), i.code(), i.category(), i.name(), i.unit(), i.price(), i.active(),
                i.synthetic(), i.availableIn(), menu.providers().stream().filter(p -> p.itemIds().contains(i.id()))
                .map(MenuRepository.Provider::id).toList());
    }

    // --- menu -----------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/service-items")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_READ + "')")
    @Operation(summary = "The service menu: items of the six categories with unit, price in yuan (demo values in the "
            + "demo data), where they can be ordered (division codes, each with its subtree) and the providers "
            + "offering them")
    List<ItemResponse> items() {
        List<MenuRepository.Provider> providers = menu.providers();
        return menu.items().stream().map(i -> new ItemResponse(i.id(), i.code(), i.category(), i.name(), i.unit(),
                i.price(), i.active(), i.synthetic(), i.availableIn(),
                providers.stream().filter(p -> p.itemIds().contains(i.id())).map(MenuRepository.Provider::id).toList()))
                .toList();
    }

    @GetMapping("/api/v1/service-providers")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_READ + "')")
    @Operation(summary = "Providers: institutions and care centres (facilityId = the facilities module's id), butler "
            + "teams (teamId) and the 爱心大篷车 caravan, with the items they offer")
    List<MenuRepository.Provider> providers() {
        return menu.providers();
    }

    @GetMapping("/api/v1/butler-packages")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.MENU_READ + "')")
    @Operation(summary = "Purchased basic butler packages: units of items per month, monthly price in yuan")
    List<MenuRepository.ButlerPackage> packages() {
        return menu.packages();
    }

    @GetMapping("/api/v1/persons/{personId}/butler-packages")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    @Operation(summary = "The packages bought for an elder")
    List<MenuRepository.Subscription> subscriptions(@PathVariable long personId) {
        scope.activePerson(personId, currentUsers.require());
        return menu.subscriptions(personId);
    }

    record SubscriptionRequest(String packageCode, LocalDate from) {
    }

    @PostMapping("/api/v1/persons/{personId}/butler-packages")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    @Operation(summary = "Record a package bought for an elder from a date")
    ResponseEntity<List<MenuRepository.Subscription>> subscribe(@PathVariable long personId,
                                                                @RequestBody SubscriptionRequest request) {
        CurrentUser actor = currentUsers.require();
        scope.activePerson(personId, actor);
        long packageId = menu.packageId(request.packageCode() == null ? "" : request.packageCode())
                .orElseThrow(() -> ApiException.validation("packageCode", "UNKNOWN", "services.package.unknown"));
        if (request.from() == null) {
            throw ApiException.validation("from", "REQUIRED", "services.field.required");
        }
        menu.subscribe(personId, packageId, request.from(), actor.username());
        return ResponseEntity.status(201).body(menu.subscriptions(personId));
    }

    // --- butler teams ---------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/butler-teams")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    @Operation(summary = "Butler teams in a division (default: the caller's scope) with villages, members, skills "
            + "and caseloads (open orders per butler)")
    List<ButlerTeams.TeamView> teams(@RequestParam(required = false) String division) {
        return teams.list(currentUsers.require(), division);
    }

    record TeamRequest(String name, String townshipCode, List<String> villages) {
    }

    @PostMapping("/api/v1/butler-teams")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.BUTLERS_MANAGE + "')")
    @Operation(summary = "Create a butler team of a township covering some of its villages")
    ResponseEntity<ButlerTeams.TeamView> createTeam(@RequestBody TeamRequest request) {
        var team = teams.create(request.name(), request.townshipCode(), request.villages(), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/butler-teams/" + team.team().id())).body(team);
    }

    record MemberRequest(List<ServiceCategory> skills) {
    }

    @PutMapping("/api/v1/butler-teams/{id}/members/{username}")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.BUTLERS_MANAGE + "')")
    @Operation(summary = "Put a BUTLER account into the team with its skills (service categories); a butler is in "
            + "one team, so this moves them from another")
    ButlerTeams.TeamView putMember(@PathVariable long id, @PathVariable String username,
                                   @RequestBody(required = false) MemberRequest request) {
        return teams.putMember(id, username, request == null ? List.of() : request.skills(), currentUsers.require());
    }

    // --- orders ---------------------------------------------------------------------------------------------------

    record OrderRequest(Long personId, Long itemId, String itemCode, Instant requestedFor, NeedChannel channel,
                        Integer quantity, String idempotencyKey, String note) {
    }

    @PostMapping("/api/v1/orders")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    @Operation(summary = "Take an order: {personId, itemId, requestedFor, channel, idempotencyKey} (+ optional "
            + "quantity, default 1, and note). 201 with the new order; the same idempotencyKey again answers 200 with "
            + "the order made the first time and changes nothing; the key reused for another person or item is 409 "
            + "CONFLICT. The price is quantity × the item's unit price as of now")
    ResponseEntity<OrderResponse> place(@RequestBody OrderRequest request) {
        CurrentUser actor = currentUsers.require();
        Orders.Placed placed = orders.place(new Orders.NewOrder(request.personId(), request.itemId(),
                request.itemCode(), request.requestedFor(), request.channel(), request.quantity(),
                request.idempotencyKey(), request.note()), actor, actor.username());
        OrderResponse body = response(placed.order(), false);
        return placed.created()
                ? ResponseEntity.created(URI.create("/api/v1/orders/" + placed.order().id())).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping("/api/v1/orders")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    @Operation(summary = "Orders in a division (default: the caller's scope), newest first, at most 500; status "
            + "filters (default: the open ones)")
    List<OrderResponse> list(@RequestParam(required = false) String division,
                             @RequestParam(required = false) List<OrderStatus> status) {
        var statuses = status == null || status.isEmpty() ? OrderStatus.OPEN : java.util.EnumSet.copyOf(status);
        return orders.inDivisions(scope.listable(currentUsers.require(), division), statuses, 500).stream()
                .map(o -> response(o, false)).toList();
    }

    @GetMapping("/api/v1/orders/{id}")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    @Operation(summary = "One order with its whole history (who, when, from, to, note); version is what a transition "
            + "may send to be refused (409 CONFLICT) if the order changed meanwhile")
    OrderResponse order(@PathVariable long id) {
        return response(orders.order(id, currentUsers.require()), true);
    }

    @GetMapping("/api/v1/orders/{id}/dispatch-suggestions")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    @Operation(summary = "Who could take the order, best first: butlers of the team covering the elder's village "
            + "(skill for the category, then area, then fewest open orders), then providers offering the item nearby")
    List<DispatchSuggestions.Suggestion> suggestions(@PathVariable long id) {
        return suggestions.suggest(orders.order(id, currentUsers.require()));
    }

    record DispatchRequest(Long providerId, String butler, Integer version) {
    }

    record VersionRequest(Integer version) {
    }

    record CheckInRequest(BigDecimal latitude, BigDecimal longitude, Integer version) {
    }

    record EvaluateRequest(Integer stars, String comment, String by, Integer version) {
    }

    record TextRequest(String reason, String text, String result, String note, Integer version) {
    }

    @PostMapping("/api/v1/orders/{id}/dispatch")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    @Operation(summary = "Dispatch (or re-dispatch before acceptance) to a provider {providerId} or a butler {butler: "
            + "username}. Illegal in the order's state: 409 ILLEGAL_TRANSITION")
    OrderResponse dispatch(@PathVariable long id, @RequestBody DispatchRequest request) {
        return response(orders.dispatch(id, request.providerId(), request.butler(), request.version(),
                currentUsers.require()), true);
    }

    @PostMapping("/api/v1/orders/{id}/accept")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_WORK + "')")
    @Operation(summary = "Accept a dispatched order (a butler only their own)")
    OrderResponse accept(@PathVariable long id, @RequestBody(required = false) VersionRequest request) {
        return response(orders.accept(id, version(request), currentUsers.require()), true);
    }

    @PostMapping("/api/v1/orders/{id}/check-in")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_WORK + "')")
    @Operation(summary = "Check in at the elder's (now; optional latitude/longitude)")
    OrderResponse checkIn(@PathVariable long id, @RequestBody(required = false) CheckInRequest request) {
        CheckInRequest r = request == null ? new CheckInRequest(null, null, null) : request;
        return response(orders.checkIn(id, r.latitude(), r.longitude(), r.version(), currentUsers.require()), true);
    }

    @PostMapping("/api/v1/orders/{id}/check-out")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_WORK + "')")
    @Operation(summary = "Check out: the service is delivered; publishes ServiceOrderCompleted (once per order) in "
            + "the same transaction")
    OrderResponse checkOut(@PathVariable long id, @RequestBody(required = false) VersionRequest request) {
        return response(orders.checkOut(id, version(request), currentUsers.require()), true);
    }

    @PostMapping("/api/v1/orders/{id}/evaluate")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    @Operation(summary = "The elder's or family's evaluation {stars 1-5, comment, by: ELDER|FAMILY}")
    OrderResponse evaluate(@PathVariable long id, @RequestBody EvaluateRequest request) {
        return response(orders.evaluate(id, request.stars(), request.comment(), request.by(), request.version(),
                currentUsers.require()), true);
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "') or hasAuthority('"
            + ServicesPermissions.ORDERS_SUPERVISE + "')")
    @Operation(summary = "Cancel before service {reason optional}; a delivered order (COMPLETED, EVALUATED, REWORK) "
            + "only a supervisor may void, with a reason (else 403 / 400). During service: 409 ILLEGAL_TRANSITION. "
            + "Publishes ServiceOrderCancelled in the same transaction")
    OrderResponse cancel(@PathVariable long id, @RequestBody(required = false) TextRequest request) {
        TextRequest r = request == null ? new TextRequest(null, null, null, null, null) : request;
        return response(orders.cancel(id, r.reason(), r.version(), currentUsers.require(),
                currentUsers.has(ServicesPermissions.ORDERS_SUPERVISE)), true);
    }

    @PostMapping("/api/v1/orders/{id}/complaints")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "') or hasAuthority('"
            + ServicesPermissions.ORDERS_SUPERVISE + "')")
    @Operation(summary = "Record a complaint {text} about a delivered order")
    OrderResponse complain(@PathVariable long id, @RequestBody TextRequest request) {
        return response(orders.complain(id, request.text(), request.version(), currentUsers.require()), true);
    }

    @PostMapping("/api/v1/orders/{id}/spot-check")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_SUPERVISE + "')")
    @Operation(summary = "Record a spot check's result {result: PASSED|FAILED, note} of a delivered order")
    OrderResponse spotCheck(@PathVariable long id, @RequestBody TextRequest request) {
        return response(orders.spotCheck(id, request.result(), request.note(), request.version(),
                currentUsers.require()), true);
    }

    @PostMapping("/api/v1/orders/{id}/rework")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_SUPERVISE + "')")
    @Operation(summary = "Send a delivered order back for rework {reason}: checked in and out again, not paid again")
    OrderResponse rework(@PathVariable long id, @RequestBody TextRequest request) {
        return response(orders.rework(id, request.reason(), request.version(), currentUsers.require()), true);
    }

    record SampleRequest(String division, Integer size) {
    }

    @PostMapping("/api/v1/orders/spot-check-sample")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_SUPERVISE + "')")
    @Operation(summary = "Draw a random sample {division, size (1-100, default 10)} of delivered orders not drawn "
            + "before, for spot checks; answers the drawn orders")
    List<OrderResponse> drawSample(@RequestBody(required = false) SampleRequest request) {
        SampleRequest r = request == null ? new SampleRequest(null, null) : request;
        CurrentUser actor = currentUsers.require();
        var codes = scope.listable(actor, r.division());
        List<Long> drawn = supervision.draw(codes, r.size() == null ? 10 : r.size(),
                r.division() == null ? actor.divisionCode() : r.division());
        return drawn.stream().map(id -> response(orders.order(id, actor), false)).toList();
    }

    @GetMapping("/api/v1/orders/spot-check-sample")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    @Operation(summary = "Orders drawn for spot checks in a division, unchecked first")
    List<OrderResponse> sample(@RequestParam(required = false) String division) {
        return supervision.sample(scope.listable(currentUsers.require(), division)).stream()
                .map(o -> response(o, false)).toList();
    }

    record BreachResponse(long orderId, ServiceCategory category, String itemCode, OrderStatus status, Instant due,
                          Duration target, Duration late, boolean open) {
    }

    @GetMapping("/api/v1/orders/breaches")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    @Operation(summary = "Response-time breaches of orders taken in the last 30 days: the first check-in later than "
            + "the category's target (yly.services.response-targets.*) after the wanted time, or not yet checked in "
            + "and already late (open); worst first")
    List<BreachResponse> breaches(@RequestParam(required = false) String division) {
        return breaches.in(scope.listable(currentUsers.require(), division)).stream()
                .map(b -> new BreachResponse(b.order().id(), b.order().category(), b.order().itemCode(),
                        b.order().status(), b.due(), b.target(), b.late(), b.open())).toList();
    }

    private static Integer version(VersionRequest request) {
        return request == null ? null : request.version();
    }

    record HistoryEntry(String action, OrderStatus from, OrderStatus to, String actor, Instant at, String note) {
    }

    record OrderResponse(long id, String idempotencyKey, long personId, String divisionCode, long itemId,
                         String itemCode, ServiceCategory category, int quantity, BigDecimal unitPrice,
                         BigDecimal price, NeedChannel channel, Instant requestedFor, String note, OrderStatus status,
                         Long providerId, String butler, Instant createdAt, String createdBy, Instant dispatchedAt,
                         Instant acceptedAt, Instant checkedInAt, BigDecimal checkInLatitude,
                         BigDecimal checkInLongitude, Instant checkedOutAt, Integer stars, String evaluationComment,
                         String evaluatedBy, boolean sampledForCheck, String spotCheckResult, int complaints,
                         String cancelReason, Instant cancelledAt, int version, List<HistoryEntry> history) {
    }

    private OrderResponse response(OrderRecord o, boolean withHistory) {
        List<HistoryEntry> history = withHistory ? orders.history(o.id()).stream()
                .map(t -> new HistoryEntry(t.action() == null ? "CREATE" : t.action().name(), t.fromStatus(),
                        t.toStatus(), t.actor(), t.at(), t.note())).toList() : null;
        return new OrderResponse(o.id(), o.idempotencyKey(), o.personId(), o.divisionCode(), o.itemId(),
                o.itemCode(), o.category(), o.quantity(), o.unitPrice(), o.price(), o.channel(), o.requestedFor(),
                o.note(), o.status(), o.providerId(), o.butlerUsername(), o.createdAt(), o.createdBy(),
                o.dispatchedAt(), o.acceptedAt(), o.checkedInAt(), o.checkInLatitude(), o.checkInLongitude(),
                o.checkedOutAt(), o.stars(), o.evaluationComment(), o.evaluatedBy(), o.sampledForCheck(),
                o.spotCheckResult(), o.complaints(), o.cancelReason(), o.cancelledAt(), o.version(), history);
    }

    record ItemResponse(long id, String code, ServiceCategory category, String name, String unit, BigDecimal price,
                        boolean active, boolean synthetic, List<String> availableIn, List<Long> providerIds) {
    }
}
