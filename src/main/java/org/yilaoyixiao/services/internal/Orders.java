package org.yilaoyixiao.services.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.services.NeedChannel;
import org.yilaoyixiao.services.ServiceOrderCancelled;
import org.yilaoyixiao.services.ServiceOrderCompleted;

/**
 * The order loop. Every transition runs in one transaction: read the order, ask {@link OrderStateMachine}, write the
 * change only if nobody changed the order since it was read (version), append the history row and the audit record,
 * and publish the completion or cancellation event — so a synchronous listener (the love card paying) commits with
 * the transition or rolls it back by throwing.
 */
@Service
class Orders {

    private final OrderRepository orders;
    private final MenuRepository menu;
    private final TeamRepository teams;
    private final ServicesScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DispatchNotices notices;

    Orders(OrderRepository orders, MenuRepository menu, TeamRepository teams, ServicesScope scope, AuditTrail audit,
           TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, DispatchNotices notices) {
        this.notices = notices;
        this.orders = orders;
        this.menu = menu;
        this.teams = teams;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    record NewOrder(Long personId, Long itemId, String itemCode, Instant requestedFor, NeedChannel channel,
                    Integer quantity, String idempotencyKey, String note) {
    }

    /** The order, and whether this call created it (false: the key was used before and the order is returned). */
    record Placed(OrderRecord order, boolean created) {
    }

    /**
     * Takes an order. The same idempotency key again returns the order made with it and writes nothing; the key
     * reused for another person or item is a conflict. {@code actor} null: raised by another module, no scope check.
     */
    Placed place(NewOrder request, CurrentUser actor, String actorName) {
        String key = required(request.idempotencyKey(), "idempotencyKey");
        if (key.length() > 100) {
            throw ApiException.validation("idempotencyKey", "TOO_LONG", "services.order.key.too-long");
        }
        var existing = orders.findByKey(key);
        if (existing.isPresent()) {
            return replay(existing.get(), request, actor);
        }
        if (request.personId() == null) {
            throw ApiException.validation("personId", "REQUIRED", "services.field.required");
        }
        if (request.channel() == null) {
            throw ApiException.validation("channel", "REQUIRED", "services.field.required");
        }
        int quantity = request.quantity() == null ? 1 : request.quantity();
        if (quantity < 1 || quantity > 100) {
            throw ApiException.validation("quantity", "OUT_OF_RANGE", "services.order.quantity");
        }
        ServiceItem item = item(request);
        PersonSummary person = scope.activePerson(request.personId(), actor);
        List<String> path = scope.path(person.residenceDivisionCode());
        if (item.availableIn().stream().noneMatch(path::contains)) {
            throw ApiException.conflict("services.item.not-available", item.name(),
                    scope.divisionName(person.residenceDivisionCode()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant requestedFor = request.requestedFor() == null ? now : request.requestedFor();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > 500) {
            throw ApiException.validation("note", "TOO_LONG", "services.order.note.too-long");
        }
        return transactions.execute(status -> {
            var id = orders.insert(new OrderRepository.NewOrder(key, person.id(), person.residenceDivisionCode(), item,
                    quantity, request.channel(), requestedFor, note, now, actorName));
            if (id.isEmpty()) { // a concurrent request with the same key won
                return replay(orders.findByKey(key).orElseThrow(), request, actor);
            }
            orders.history(id.get(), null, null, OrderStatus.NEW, actorName, now, request.channel().name());
            OrderRecord created = orders.findById(id.get()).orElseThrow();
            // last: the audit chain's lock is held until commit
            audit.record(AuditRecord.success("SERVICE_ORDER_CREATED", "service-order:" + id.get(),
                    "person=" + person.id() + " item=" + item.code() + " channel=" + request.channel())
                    .by(actorName));
            return new Placed(created, true);
        });
    }

    private Placed replay(OrderRecord order, NewOrder request, CurrentUser actor) {
        boolean samePerson = request.personId() == null || request.personId() == order.personId();
        boolean sameItem = (request.itemId() == null || request.itemId() == order.itemId())
                && (request.itemCode() == null || request.itemCode().equals(order.itemCode()));
        if (!samePerson || !sameItem || !scope.visible(actor, order.divisionCode())) {
            throw ApiException.conflict("services.order.key.reused", order.idempotencyKey());
        }
        return new Placed(order, false);
    }

    private ServiceItem item(NewOrder request) {
        if (request.itemId() == null && (request.itemCode() == null || request.itemCode().isBlank())) {
            throw ApiException.validation("itemId", "REQUIRED", "services.field.required");
        }
        var item = request.itemId() != null ? menu.item(request.itemId()) : menu.itemByCode(request.itemCode());
        ServiceItem found = item.orElseThrow(() -> ApiException.validation("itemId", "UNKNOWN", "services.item.unknown"));
        if (!found.active()) {
            throw ApiException.conflict("services.item.inactive", found.name());
        }
        return found;
    }

    OrderRecord order(long id, CurrentUser actor) {
        return orders.findById(id).filter(o -> scope.visible(actor, o.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("services.order.not-found", Long.toString(id)));
    }

    List<OrderRecord> inDivisions(java.util.Set<String> divisions, java.util.Set<OrderStatus> statuses, int limit) {
        return orders.inDivisions(divisions, statuses, limit);
    }

    List<OrderRecord> forButler(String username, Instant since) {
        return orders.forButler(username, since);
    }

    List<OrderTransition> history(long id) {
        return orders.history(id);
    }

    OrderRecord dispatch(long id, Long providerId, String butler, Integer version, CurrentUser actor) {
        boolean toProvider = providerId != null;
        boolean toButler = butler != null && !butler.isBlank();
        if (toProvider == toButler) {
            throw ApiException.validation("providerId", "ONE_OF", "services.dispatch.one-of");
        }
        return transition(id, OrderAction.DISPATCH, version, actor, order -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            String note;
            TeamRepository.Member member = null;
            if (toProvider) {
                var provider = menu.provider(providerId).orElseThrow(() ->
                        ApiException.validation("providerId", "UNKNOWN", "services.provider.unknown"));
                if (!provider.itemIds().contains(order.itemId())) {
                    throw ApiException.conflict("services.provider.not-offering", provider.name());
                }
                changes.put("provider_id", provider.id());
                note = "provider:" + provider.id() + " " + provider.name();
                if (provider.teamId() != null) {
                    // a butler team is people: the order goes to one of them, never to an empty roster
                    member = teamMember(provider.teamId(), provider.name(), order);
                    note = note + " butler:" + member.username();
                }
                changes.put("butler_username", member == null ? null : member.username());
            } else {
                member = teams.member(butler.strip()).orElseThrow(() ->
                        ApiException.validation("butler", "UNKNOWN", "services.butler.unknown"));
                changes.put("butler_username", member.username());
                changes.put("provider_id", null);
                note = "butler:" + member.username();
            }
            changes.put("dispatched_at", now());
            TeamRepository.Member told = member;
            return new Change(changes, note, told == null ? null : () -> notices.dispatched(order, told));
        });
    }

    /** The team's member for the order: skilled in its category first, then the fewest open orders. */
    private TeamRepository.Member teamMember(long teamId, String teamName, OrderRecord order) {
        List<TeamRepository.Member> members = teams.team(teamId).map(TeamRepository.Team::members)
                .orElse(List.of());
        if (members.isEmpty()) {
            throw ApiException.conflict("services.dispatch.team-empty", teamName);
        }
        Map<String, Integer> load = orders.openLoad(members.stream().map(TeamRepository.Member::username)
                .collect(java.util.stream.Collectors.toSet()));
        return members.stream().min(java.util.Comparator
                .comparing((TeamRepository.Member m) -> !m.skills().contains(order.category()))
                .thenComparing(m -> load.getOrDefault(m.username(), 0))
                .thenComparing(TeamRepository.Member::username)).orElseThrow();
    }

    OrderRecord accept(long id, Integer version, CurrentUser actor) {
        return transition(id, OrderAction.ACCEPT, version, actor, order -> {
            requireAssignee(order, actor);
            return new Change(Map.of("accepted_at", now()), null);
        });
    }

    OrderRecord checkIn(long id, BigDecimal latitude, BigDecimal longitude, Integer version, CurrentUser actor) {
        if ((latitude == null) != (longitude == null)) {
            throw ApiException.validation(latitude == null ? "latitude" : "longitude", "REQUIRED",
                    "services.check-in.location.both");
        }
        if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw ApiException.validation("latitude", "OUT_OF_RANGE", "services.check-in.location.range");
        }
        return transition(id, OrderAction.CHECK_IN, version, actor, order -> {
            requireAssignee(order, actor);
            Map<String, Object> changes = new LinkedHashMap<>();
            // a rework keeps the first check-in: the response time is measured to the first arrival
            if (order.checkedInAt() == null) {
                changes.put("checked_in_at", now());
                changes.put("check_in_latitude", latitude);
                changes.put("check_in_longitude", longitude);
            }
            return new Change(changes, latitude == null ? null : latitude + "," + longitude);
        });
    }

    OrderRecord checkOut(long id, Integer version, CurrentUser actor) {
        return transition(id, OrderAction.CHECK_OUT, version, actor, order -> {
            requireAssignee(order, actor);
            Instant at = now();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("checked_out_at", at);
            // paid exactly once: a rework delivers again without a second completion
            Runnable publish = null;
            if (!order.completionPublished()) {
                changes.put("completion_published", true);
                publish = () -> events.publishEvent(new ServiceOrderCompleted(order.id(), order.personId(),
                        order.divisionCode(), order.category().name(), order.itemCode(), order.price(), at));
            }
            return new Change(changes, null, publish);
        });
    }

    OrderRecord evaluate(long id, Integer stars, String comment, String by, Integer version, CurrentUser actor) {
        if (stars == null || stars < 1 || stars > 5) {
            throw ApiException.validation("stars", "OUT_OF_RANGE", "services.evaluate.stars");
        }
        if (by == null || !(by.equals("ELDER") || by.equals("FAMILY"))) {
            throw ApiException.validation("by", "INVALID", "services.evaluate.by");
        }
        String words = comment == null || comment.isBlank() ? null : comment.strip();
        if (words != null && words.length() > 1000) {
            throw ApiException.validation("comment", "TOO_LONG", "services.evaluate.comment.too-long");
        }
        return transition(id, OrderAction.EVALUATE, version, actor, order -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("stars", stars);
            changes.put("evaluation_comment", words);
            changes.put("evaluated_by", by);
            changes.put("evaluated_at", now());
            return new Change(changes, stars + "★ " + by + (words == null ? "" : " " + words));
        });
    }

    OrderRecord complain(long id, String text, Integer version, CurrentUser actor) {
        String complaint = requiredText(text, "text");
        return transition(id, OrderAction.COMPLAIN, version, actor, order ->
                new Change(Map.of("complaints", order.complaints() + 1), complaint));
    }

    OrderRecord spotCheck(long id, String result, String note, Integer version, CurrentUser actor) {
        if (result == null || !(result.equals("PASSED") || result.equals("FAILED"))) {
            throw ApiException.validation("result", "INVALID", "services.spot-check.result");
        }
        return transition(id, OrderAction.SPOT_CHECK, version, actor, order -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("spot_check_result", result);
            changes.put("sampled_for_check", true);
            return new Change(changes, result + (note == null || note.isBlank() ? "" : " " + note.strip()));
        });
    }

    OrderRecord rework(long id, String reason, Integer version, CurrentUser actor) {
        String why = requiredText(reason, "reason");
        return transition(id, OrderAction.REWORK, version, actor, order -> new Change(Map.of(), why));
    }

    /**
     * Before service anyone who manages orders may cancel; a delivered order only a supervisor may void, with a
     * reason. During service (checked in) nobody may.
     */
    OrderRecord cancel(long id, String reason, Integer version, CurrentUser actor, boolean supervisor) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw ApiException.validation("reason", "TOO_LONG", "services.cancel.reason.too-long");
        }
        return transition(id, OrderAction.CANCEL, version, actor, order -> {
            if (OrderStateMachine.isVoid(order.status())) {
                if (!supervisor) {
                    throw ApiException.forbidden("services.cancel.void.supervisor-only");
                }
                if (why == null) {
                    throw ApiException.validation("reason", "REQUIRED", "services.cancel.void.reason");
                }
            }
            Instant at = now();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("cancel_reason", why);
            changes.put("cancelled_at", at);
            Runnable publish = () -> events.publishEvent(new ServiceOrderCancelled(order.id(), order.personId(),
                    order.completionPublished(), why, at));
            return new Change(changes, why, publish);
        });
    }

    /** A butler works only on orders dispatched to them; other workers (centre staff, operators) on any in scope. */
    private static void requireAssignee(OrderRecord order, CurrentUser actor) {
        if (actor != null && actor.hasRole(Role.BUTLER) && !actor.username().equals(order.butlerUsername())) {
            throw ApiException.forbidden("services.order.not-yours", Long.toString(order.id()));
        }
    }

    /** What a transition writes besides the status, the history note, and the event to publish, if any. */
    record Change(Map<String, Object> columns, String note, Runnable publish) {
        Change(Map<String, Object> columns, String note) {
            this(columns, note, null);
        }
    }

    private OrderRecord transition(long id, OrderAction action, Integer version, CurrentUser actor,
                                   java.util.function.Function<OrderRecord, Change> guard) {
        return transactions.execute(status -> {
            OrderRecord order = order(id, actor);
            if (version != null && version != order.version()) {
                throw stale(order);
            }
            OrderStatus to = OrderStateMachine.next(order.status(), action).orElseThrow(() ->
                    new ApiException(ProblemCode.ILLEGAL_TRANSITION, "services.order.illegal", new Object[] {
                            Long.toString(id), order.status().name(), action.name()}, List.of()));
            Change change = guard.apply(order);
            if (!orders.update(id, order.version(), to, change.columns())) {
                throw stale(order);
            }
            Instant at = now();
            orders.history(id, action, order.status(), to, actor.username(), at, change.note());
            if (change.publish() != null) {
                change.publish().run();
            }
            OrderRecord changed = orders.findById(id).orElseThrow();
            // last: the audit chain's lock is held until commit, so everything else is done before taking it
            audit.record(AuditRecord.success("SERVICE_ORDER_" + action.name(), "service-order:" + id,
                    order.status() + "->" + to + (change.note() == null ? "" : " " + change.note())));
            return changed;
        });
    }

    private static ApiException stale(OrderRecord order) {
        return ApiException.conflict("services.order.stale", Long.toString(order.id()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field, "REQUIRED", "services.field.required");
        }
        return value.strip();
    }

    private static String requiredText(String value, String field) {
        String text = required(value, field);
        if (text.length() > 1000) {
            throw ApiException.validation(field, "TOO_LONG", "services.text.too-long");
        }
        return text;
    }
}
