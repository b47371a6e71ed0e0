package org.yilaoyixiao.services.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.services.NeedChannel;
import org.yilaoyixiao.services.ServiceCategory;
import org.yilaoyixiao.services.ServicesPermissions;

/** Order intake for a township centre, the butler's phone page, an order's page and the supervisor's board. */
@Controller
class ServicesPageController {

    private final Orders orders;
    private final MenuRepository menu;
    private final PublishedViews views;
    private final ServicesScope scope;
    private final DispatchSuggestions suggestions;
    private final Breaches breaches;
    private final Supervision supervision;
    private final OrderRepository orderRows;
    private final CurrentUsers currentUsers;
    private final java.time.Clock clock;
    private final OrderCards cards;
    private final OrderHistoryLines historyLines;

    ServicesPageController(Orders orders, MenuRepository menu, PublishedViews views, ServicesScope scope,
                           DispatchSuggestions suggestions, Breaches breaches, Supervision supervision,
                           OrderRepository orderRows, CurrentUsers currentUsers, java.time.Clock clock,
                           OrderCards cards, OrderHistoryLines historyLines) {
        this.cards = cards;
        this.historyLines = historyLines;
        this.orders = orders;
        this.menu = menu;
        this.views = views;
        this.scope = scope;
        this.suggestions = suggestions;
        this.breaches = breaches;
        this.supervision = supervision;
        this.orderRows = orderRows;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    private List<OrderCards.Card> rows(List<OrderRecord> page) {
        return cards.rows(page);
    }

    // --- intake ---------------------------------------------------------------------------------------------------

    @GetMapping("/services/intake")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    String intake(@RequestParam(required = false) Long personId, Model model) {
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("categories", ServiceCategory.values());
        model.addAttribute("items", menu.items().stream().filter(ServiceItem::active).toList());
        model.addAttribute("channels", NeedChannel.values());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(BusinessTime.ZONE)).withSecond(0).withNano(0));
        if (personId != null && !model.containsAttribute("person")) {
            try {
                model.addAttribute("person", scope.activePerson(personId, currentUsers.require()));
            } catch (ApiException e) {
                model.addAttribute("refusalKey", e.detailKey());
                model.addAttribute("refusalArgs", e.detailArgs());
            }
        }
        return "services/intake";
    }

    @PostMapping("/services/intake")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    String place(@RequestParam(required = false) Long personId, @RequestParam(required = false) Long itemId,
                 @RequestParam(required = false) NeedChannel channel,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime requestedFor,
                 @RequestParam(required = false) Integer quantity, @RequestParam(required = false) String note,
                 @RequestParam String idempotencyKey, Model model) {
        CurrentUser actor = currentUsers.require();
        try {
            if (personId == null) {
                // the picker's box had text but nobody was chosen from the list (or scripts are off)
                throw ApiException.validation("personId", "REQUIRED", "services.person.choose");
            }
            Instant wanted = requestedFor == null ? null : requestedFor.atZone(BusinessTime.ZONE).toInstant();
            Orders.Placed placed = orders.place(new Orders.NewOrder(personId, itemId, null, wanted, channel, quantity,
                    idempotencyKey, note), actor, actor.username());
            return "redirect:/services/orders/" + placed.order().id();
        } catch (ApiException e) {
            model.addAttribute("refusalKey", e.fieldProblems().isEmpty() ? e.detailKey()
                    : e.fieldProblems().get(0).messageKey());
            model.addAttribute("refusalArgs", e.fieldProblems().isEmpty() ? e.detailArgs()
                    : e.fieldProblems().get(0).args());
            model.addAttribute("refusalField", e.fieldProblems().isEmpty() ? null : e.fieldProblems().get(0).field());
            return intake(personId, model);
        }
    }

    // --- one order ------------------------------------------------------------------------------------------------

    @GetMapping("/services/orders/{id}")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    String order(@PathVariable long id, Model model, java.util.Locale locale) {
        CurrentUser actor = currentUsers.require();
        OrderRecord order = orders.order(id, actor);
        // whoever carries out or dispatches the order may call the elder from it; other readers see no numbers
        boolean calls = currentUsers.has(ServicesPermissions.ORDERS_WORK)
                || currentUsers.has(ServicesPermissions.ORDERS_MANAGE);
        OrderCards.Card card = (calls ? cards.of(List.of(order)) : cards.rows(List.of(order))).get(0);
        model.addAttribute("row", card);
        model.addAttribute("guardianAlert", card.guardianAlert());
        model.addAttribute("history", historyLines.of(orders.history(id), locale));
        model.addAttribute("suggestions", order.status() == OrderStatus.NEW || order.status() == OrderStatus.DISPATCHED
                ? suggestions.suggest(order) : List.of());
        var breach = breaches.breach(order, clock.instant());
        model.addAttribute("breach", breach);
        model.addAttribute("provider", order.providerId() == null ? null
                : menu.provider(order.providerId()).orElse(null));
        return "services/order";
    }

    @PostMapping("/services/orders/{id}/{action}")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String butler,
               @RequestParam(required = false) Long providerId, @RequestParam(required = false) Integer stars,
               @RequestParam(required = false) String comment, @RequestParam(required = false) String by,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String result,
               @RequestParam(required = false) Integer version, Model model, java.util.Locale locale) {
        CurrentUser actor = currentUsers.require();
        try {
            switch (action) {
                case "dispatch" -> {
                    require(ServicesPermissions.ORDERS_MANAGE);
                    orders.dispatch(id, providerId, butler, version, actor);
                }
                case "evaluate" -> {
                    require(ServicesPermissions.ORDERS_MANAGE);
                    orders.evaluate(id, stars, comment, by, version, actor);
                }
                case "cancel" -> {
                    boolean supervisor = currentUsers.has(ServicesPermissions.ORDERS_SUPERVISE);
                    if (!supervisor) {
                        require(ServicesPermissions.ORDERS_MANAGE);
                    }
                    orders.cancel(id, reason, version, actor, supervisor);
                }
                case "spot-check" -> {
                    require(ServicesPermissions.ORDERS_SUPERVISE);
                    orders.spotCheck(id, result, comment, version, actor);
                }
                case "rework" -> {
                    require(ServicesPermissions.ORDERS_SUPERVISE);
                    orders.rework(id, reason, version, actor);
                }
                default -> throw ApiException.notFound("services.order.not-found", Long.toString(id));
            }
            return "redirect:/services/orders/" + id;
        } catch (ApiException e) {
            model.addAttribute("refusalKey", e.fieldProblems().isEmpty() ? e.detailKey()
                    : e.fieldProblems().get(0).messageKey());
            model.addAttribute("refusalArgs", e.fieldProblems().isEmpty() ? e.detailArgs()
                    : e.fieldProblems().get(0).args());
            return order(id, model, locale);
        }
    }

    private void require(String permission) {
        if (!currentUsers.has(permission)) {
            throw ApiException.forbidden("problem.FORBIDDEN.detail");
        }
    }

    // --- the butler's phone page ----------------------------------------------------------------------------------

    @GetMapping("/services/tasks")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_WORK + "')")
    String tasks(Model model) {
        CurrentUser actor = currentUsers.require();
        Instant startOfDay = LocalDate.now(clock.withZone(BusinessTime.ZONE)).atStartOfDay(BusinessTime.ZONE).toInstant();
        List<OrderRecord> mine = orders.forButler(actor.username(), startOfDay);
        model.addAttribute("tasks", cards.of(mine));
        return "services/tasks";
    }

    /** Accept, check in or check out from the phone: answers the task's card (htmx) with the new state. */
    @PostMapping("/services/tasks/{id}/{action}")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_WORK + "')")
    String task(@PathVariable long id, @PathVariable String action,
                @RequestParam(required = false) java.math.BigDecimal latitude,
                @RequestParam(required = false) java.math.BigDecimal longitude,
                @RequestParam(required = false) Integer version, Model model) {
        CurrentUser actor = currentUsers.require();
        OrderRecord order;
        try {
            order = switch (action) {
                case "accept" -> orders.accept(id, version, actor);
                case "check-in" -> orders.checkIn(id, latitude, longitude, version, actor);
                case "check-out" -> orders.checkOut(id, version, actor);
                default -> throw ApiException.notFound("services.order.not-found", Long.toString(id));
            };
        } catch (ApiException e) {
            model.addAttribute("refusalKey", e.detailKey());
            model.addAttribute("refusalArgs", e.detailArgs());
            order = orders.order(id, actor);
        }
        model.addAttribute("task", cards.of(List.of(order)).get(0));
        return "services/task :: task";
    }

    // --- the supervisor's board -----------------------------------------------------------------------------------

    @GetMapping("/services/board")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    String board(@RequestParam(required = false) String division, Model model) {
        CurrentUser actor = currentUsers.require();
        var codes = scope.listable(actor, division);
        model.addAttribute("division", division);
        model.addAttribute("townships", scope.townships(actor));
        var open = orderRows.page(codes, OrderStatus.OPEN, null, null, new org.yilaoyixiao.platform.api.PageRequest(0,
                BOARD_ROWS));
        List<Breaches.Breach> late = breaches.in(codes);
        List<OrderRecord> sample = supervision.sample(codes);
        model.addAttribute("open", rows(open.items()));
        model.addAttribute("openTotal", open.totalElements());
        List<Breaches.Breach> lateShown = late.stream().limit(BOARD_ROWS).toList();
        List<OrderCards.Card> lateRows = rows(lateShown.stream().map(Breaches.Breach::order).toList());
        List<BreachRow> breachRows = new ArrayList<>();
        for (int i = 0; i < lateShown.size(); i++) {
            breachRows.add(new BreachRow(lateRows.get(i), lateShown.get(i)));
        }
        model.addAttribute("breaches", breachRows);
        model.addAttribute("breachTotal", late.size());
        model.addAttribute("ratings", orderRows.ratings(codes, clock.instant().minus(Breaches.WINDOW)));
        model.addAttribute("sample", rows(sample.stream().limit(BOARD_ROWS).toList()));
        return "services/board";
    }

    /** Every order of the scope, paged: by state, township and the day it was taken. */
    @GetMapping("/services/orders")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    String list(@RequestParam(required = false) String division, @RequestParam(required = false) String status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        var codes = scope.listable(actor, division);
        java.util.Set<OrderStatus> statuses;
        if (status == null || status.isBlank()) {
            statuses = EnumSet.allOf(OrderStatus.class);
        } else if ("OPEN".equals(status)) {
            statuses = OrderStatus.OPEN;
        } else {
            try {
                statuses = EnumSet.of(OrderStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("status", "INVALID", "services.status.invalid");
            }
        }
        var found = orderRows.page(codes, statuses,
                from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant(),
                org.yilaoyixiao.platform.api.PageRequest.of(page, 50));
        model.addAttribute("division", division == null || division.isBlank() ? null : division.strip());
        model.addAttribute("divisionName", division == null || division.isBlank() ? null
                : scope.divisionName(division.strip()));
        model.addAttribute("status", status == null || status.isBlank() ? null : status);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("rows", rows(found.items()));
        model.addAttribute("pager", org.yilaoyixiao.platform.web.Pager.of(found));
        return "services/orders";
    }

    static final int BOARD_ROWS = 20;

    record BreachRow(OrderCards.Card row, Breaches.Breach breach) {
        public long lateMinutes() {
            return breach.late().toMinutes();
        }
    }

    @PostMapping("/services/board/sample")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_SUPERVISE + "')")
    String drawSample(@RequestParam(required = false) String division, @RequestParam(required = false) Integer size) {
        CurrentUser actor = currentUsers.require();
        supervision.draw(scope.listable(actor, division), size == null ? 10 : size,
                division == null || division.isBlank() ? actor.divisionCode() : division);
        return "redirect:/services/board" + (division == null || division.isBlank() ? "" : "?division=" + division);
    }

}
