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

    ServicesPageController(Orders orders, MenuRepository menu, PublishedViews views, ServicesScope scope,
                           DispatchSuggestions suggestions, Breaches breaches, Supervision supervision,
                           OrderRepository orderRows, CurrentUsers currentUsers, java.time.Clock clock) {
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

    /** An order with what a page shows beside it. */
    record OrderRow(OrderRecord order, String personName, String itemName, String divisionName) {
    }

    private OrderRow row(OrderRecord o, Map<Long, ServiceItem> items) {
        ServiceItem item = items.get(o.itemId());
        return new OrderRow(o, scope.personName(o.personId()), item == null ? o.itemCode() : item.name(),
                scope.divisionName(o.divisionCode()));
    }

    /** Rows for a page of orders: the people's names in one query, not one per row. */
    private List<OrderRow> rows(List<OrderRecord> page, Map<Long, ServiceItem> items, Map<Long, String> names) {
        return page.stream().map(o -> {
            ServiceItem item = items.get(o.itemId());
            return new OrderRow(o, names.getOrDefault(o.personId(), "#" + o.personId()),
                    item == null ? o.itemCode() : item.name(), scope.divisionName(o.divisionCode()));
        }).toList();
    }

    private Map<Long, ServiceItem> items() {
        return menu.items().stream().collect(Collectors.toMap(ServiceItem::id, i -> i));
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

    /** The people found by name (prefix) or exact ID number, in the user's scope: an htmx fragment. */
    @GetMapping("/services/intake/persons")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_MANAGE + "')")
    String findPersons(@RequestParam(required = false) String q, Model model) {
        CurrentUser actor = currentUsers.require();
        List<PublishedViews.PersonRow> found = new ArrayList<>();
        String text = q == null ? "" : q.strip();
        if (text.matches("\\d{17}[\\dXx]")) {
            scope.personByIdNumber(text).filter(p -> scope.visible(actor, p.residenceDivisionCode()))
                    .ifPresent(p -> found.add(new PublishedViews.PersonRow(p.id(), p.name(), p.idNumberMasked(),
                            p.residenceDivisionCode(), p.birthDate())));
        } else if (!text.isEmpty()) {
            found.addAll(views.personsNamed(text, scope.listable(actor, null)));
        }
        model.addAttribute("q", text);
        model.addAttribute("found", found);
        model.addAttribute("divisionNames", found.stream().map(PublishedViews.PersonRow::divisionCode).distinct()
                .collect(Collectors.toMap(c -> c, scope::divisionName)));
        return "services/intake :: persons";
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
    String order(@PathVariable long id, Model model) {
        CurrentUser actor = currentUsers.require();
        OrderRecord order = orders.order(id, actor);
        model.addAttribute("row", row(order, items()));
        model.addAttribute("history", orders.history(id));
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
               @RequestParam(required = false) Integer version, Model model) {
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
            return order(id, model);
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
        Map<Long, ServiceItem> items = items();
        List<OrderRecord> mine = orders.forButler(actor.username(), startOfDay);
        model.addAttribute("tasks", rows(mine, items, views.names(mine.stream().map(OrderRecord::personId).toList())));
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
        model.addAttribute("task", row(order, menu.item(order.itemId()).map(i -> Map.of(i.id(), i)).orElse(Map.of())));
        return "services/task :: task";
    }

    // --- the supervisor's board -----------------------------------------------------------------------------------

    @GetMapping("/services/board")
    @PreAuthorize("hasAuthority('" + ServicesPermissions.ORDERS_READ + "')")
    String board(@RequestParam(required = false) String division, Model model) {
        CurrentUser actor = currentUsers.require();
        var codes = scope.listable(actor, division);
        Map<Long, ServiceItem> items = items();
        model.addAttribute("division", division);
        model.addAttribute("townships", scope.townships(actor));
        List<OrderRecord> open = orderRows.inDivisions(codes, OrderStatus.OPEN, 200);
        List<Breaches.Breach> late = breaches.in(codes).stream().limit(200).toList();
        List<OrderRecord> sample = supervision.sample(codes);
        List<Long> people = new ArrayList<>();
        open.forEach(o -> people.add(o.personId()));
        late.forEach(b -> people.add(b.order().personId()));
        sample.forEach(o -> people.add(o.personId()));
        Map<Long, String> names = views.names(people);
        model.addAttribute("open", rows(open, items, names));
        List<OrderRow> lateRows = rows(late.stream().map(Breaches.Breach::order).toList(), items, names);
        List<BreachRow> breachRows = new ArrayList<>();
        for (int i = 0; i < late.size(); i++) {
            breachRows.add(new BreachRow(lateRows.get(i), late.get(i)));
        }
        model.addAttribute("breaches", breachRows);
        model.addAttribute("ratings", orderRows.ratings(codes, clock.instant().minus(Breaches.WINDOW)));
        model.addAttribute("sample", rows(sample, items, names));
        return "services/board";
    }

    record BreachRow(OrderRow row, Breaches.Breach breach) {
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
