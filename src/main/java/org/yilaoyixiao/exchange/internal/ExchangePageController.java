package org.yilaoyixiao.exchange.internal;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.exchange.ExchangePermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * The clerk's pages: feed upload and the loads (paged), one load's records or rejections (paged, people by name and
 * village), the review queue (paged) and one queued record with its fields in words and the person picker to apply
 * it, the province deliveries (paged).
 */
@Controller
class ExchangePageController {

    static final List<String> FEEDS = List.of("household", "assistance", "health", "insurance");
    private static final List<String> TYPES = List.of("BIRTH", "DEATH", "MOVE_IN", "MOVE_OUT", "RESIDENCE_CHANGE",
            "STATUS_CHANGE", "DISCHARGE", "CHRONIC_ENROLMENT", "NEWBORN_VISIT", "INFANT_HEALTH_CHECK",
            "PENSION_STATUS");
    private static final Set<String> DELIVERY_STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");
    private static final List<String> DELIVERY_KINDS = List.of("ELDERS", "INSTITUTIONS", "VISITS", "INDICATORS",
            "SERVICES");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessTime.ZONE);

    private final Feeds feeds;
    private final FeedRepository repository;
    private final ReviewQueue review;
    private final ProvinceOutbox outbox;
    private final RejectionReasons reasons;
    private final DisplayNames actors;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    ExchangePageController(Feeds feeds, FeedRepository repository, ReviewQueue review, ProvinceOutbox outbox,
                           RejectionReasons reasons, DisplayNames actors, DivisionDirectory divisions,
                           CurrentUsers currentUsers, MessageSource messages) {
        this.feeds = feeds;
        this.repository = repository;
        this.review = review;
        this.outbox = outbox;
        this.reasons = reasons;
        this.actors = actors;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    private static String oneOf(String value, java.util.Collection<String> allowed, String field) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v != null && !allowed.contains(v)) {
            throw ApiException.validation(field, "UNKNOWN", "exchange.filter.unknown");
        }
        return v;
    }

    private static void rethrowNotFound(ApiException e) {
        if (e.code() == ProblemCode.NOT_FOUND) {
            throw e;
        }
    }

    @GetMapping("/exchange")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    String feeds(@RequestParam(required = false) String feed, @RequestParam(required = false) Integer page,
                 Model model, Locale locale) {
        String chosen = oneOf(feed, FEEDS, "feed");
        PageResponse<FeedRepository.Load> loads = repository.loads(chosen, PageRequest.of(page, 50));
        model.addAttribute("feeds", FEEDS);
        model.addAttribute("feed", chosen);
        model.addAttribute("loads", loads.items());
        model.addAttribute("pager", Pager.of(loads));
        model.addAttribute("times", loads.items().stream().collect(Collectors.toMap(FeedRepository.Load::id,
                l -> TIME.format(l.receivedAt()))));
        model.addAttribute("names", actors.names(loads.items().stream().map(FeedRepository.Load::receivedBy)
                .toList(), locale));
        return "exchange/feeds";
    }

    @PostMapping("/exchange/upload")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    String upload(@RequestParam String feed, @RequestParam("file") MultipartFile file, RedirectAttributes redirect,
                  Locale locale) throws IOException {
        try {
            List<Map<String, Object>> records = FeedFiles.read(file.getOriginalFilename(), file.getInputStream());
            Feeds.Loaded loaded = feeds.load(feed, "FILE", file.getOriginalFilename(), records,
                    currentUsers.require());
            return "redirect:/exchange/loads/" + loaded.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
            return "redirect:/exchange";
        }
    }

    @GetMapping("/exchange/loads/{id}")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    String load(@PathVariable long id, @RequestParam(required = false) String view,
                @RequestParam(required = false) Integer page, Model model, Locale locale) {
        FeedRepository.Load load = repository.load(id).orElseThrow(() ->
                ApiException.notFound("exchange.load.not-found", Long.toString(id)));
        String shown = oneOf(view, List.of("records", "rejected"), "view");
        boolean rejectedView = "rejected".equals(shown);
        model.addAttribute("load", load);
        model.addAttribute("receivedAt", TIME.format(load.receivedAt()));
        model.addAttribute("receivedBy", actors.name(load.receivedBy(), locale));
        model.addAttribute("rejectedView", rejectedView);
        // the rejections first (the first page of them on the records view): they are what the clerk must fix
        PageResponse<FeedRepository.Rejected> rejected = repository.rejections(id,
                rejectedView ? PageRequest.of(page, 50) : new PageRequest(0, PageRequest.MAX_SIZE));
        model.addAttribute("rejected", rejected.items().stream()
                .map(r -> Map.of("index", r.index() + 1, "recordId", r.recordId() == null ? "" : r.recordId(),
                        "reason", reasons.text(r.reason(), r.args(), locale))).toList());
        model.addAttribute("rejectedTotal", rejected.totalElements());
        if (rejectedView) {
            model.addAttribute("pager", Pager.of(rejected));
        } else {
            PageResponse<FeedRepository.LoadRecord> records = repository.ofLoad(id, PageRequest.of(page, 50));
            model.addAttribute("records", records.items());
            model.addAttribute("pager", Pager.of(records));
            model.addAttribute("places", places());
        }
        return "exchange/load";
    }

    @GetMapping("/exchange/review")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    String review(@RequestParam(required = false) String feed, @RequestParam(required = false) String type,
                  @RequestParam(required = false) Integer page, Model model) {
        String chosenFeed = oneOf(feed, FEEDS, "feed");
        String chosenType = oneOf(type, TYPES, "type");
        PageResponse<FeedRepository.Stored> records = repository.queued(chosenFeed, chosenType,
                PageRequest.of(page, 50));
        model.addAttribute("records", records.items());
        model.addAttribute("pager", Pager.of(records));
        model.addAttribute("feeds", FEEDS);
        model.addAttribute("types", TYPES);
        model.addAttribute("feed", chosenFeed);
        model.addAttribute("type", chosenType);
        return "exchange/review";
    }

    /** One record waiting for review: its fields in words, and the person picker to apply it to the right person. */
    @GetMapping("/exchange/review/{id}")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    String reviewRecord(@PathVariable long id, Model model, Locale locale) {
        FeedRepository.Stored record = repository.read(id).orElseThrow(() ->
                ApiException.notFound("exchange.record.not-found", Long.toString(id)));
        model.addAttribute("r", record);
        model.addAttribute("fields", fields(record, locale));
        model.addAttribute("resolvedBy", actors.name(record.resolvedBy(), locale));
        return "exchange/record";
    }

    @PostMapping("/exchange/review/{id}/resolve")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    String resolve(@PathVariable long id, @RequestParam(required = false) String personId,
                   @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        repository.read(id).orElseThrow(() -> ApiException.notFound("exchange.record.not-found", Long.toString(id)));
        Long person;
        try {
            person = personId == null || personId.isBlank() ? null : Long.valueOf(personId.strip());
        } catch (NumberFormatException e) {
            person = null;
        }
        try {
            review.resolve(id, person, note, currentUsers.require());
            redirect.addFlashAttribute("done", messages.getMessage("exchange.review.resolved", null, locale));
            return "redirect:/exchange/review";
        } catch (ApiException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
            return "redirect:/exchange/review/" + id;
        }
    }

    @PostMapping("/exchange/review/{id}/dismiss")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect,
                   Locale locale) {
        repository.read(id).orElseThrow(() -> ApiException.notFound("exchange.record.not-found", Long.toString(id)));
        try {
            review.dismiss(id, note, currentUsers.require());
            redirect.addFlashAttribute("done", messages.getMessage("exchange.review.dismissed", null, locale));
            return "redirect:/exchange/review";
        } catch (ApiException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
            return "redirect:/exchange/review/" + id;
        }
    }

    @GetMapping("/exchange/deliveries")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.DELIVERIES + "')")
    String deliveries(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) Integer page, Model model) {
        String chosenStatus = oneOf(status, DELIVERY_STATUSES, "status");
        String chosenKind = oneOf(kind, DELIVERY_KINDS, "kind");
        PageResponse<ProvinceOutbox.Delivery> deliveries = outbox.deliveries(chosenStatus, chosenKind,
                PageRequest.of(page, 50));
        model.addAttribute("status", chosenStatus);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("kinds", DELIVERY_KINDS);
        model.addAttribute("deliveries", deliveries.items());
        model.addAttribute("pager", Pager.of(deliveries));
        Map<Long, String> times = new LinkedHashMap<>();
        deliveries.items().forEach(d -> times.put(d.id(), d.deliveredAt() == null ? "" : TIME.format(d.deliveredAt())));
        model.addAttribute("times", times);
        return "exchange/deliveries";
    }

    @PostMapping("/exchange/deliveries/{id}/retry")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    String retry(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        if (!outbox.exists(id)) {
            throw ApiException.notFound("exchange.delivery.not-found", Long.toString(id));
        }
        if (outbox.retry(id)) {
            redirect.addFlashAttribute("done", messages.getMessage("exchange.delivery.retried", null, locale));
        }
        return "redirect:/exchange/deliveries";
    }

    /** Village names by code, for the people of a page (one query). */
    private Map<String, String> places() {
        return divisions.subtree(currentUsers.require().divisionCode()).stream()
                .collect(Collectors.toMap(Division::code, Division::name, (a, b) -> a));
    }

    /** A record's fields as label and value in words: a division by its path, a status by name, guardians. */
    private Map<String, String> fields(FeedRepository.Stored record, Locale locale) {
        Map<String, String> shown = new LinkedHashMap<>();
        record.payload().forEach((name, value) -> {
            if (value == null || "".equals(value)) {
                return;
            }
            String label = messages.getMessage("exchange.field." + name, null, name, locale);
            shown.put(label, fieldValue(name, value, locale));
        });
        return shown;
    }

    private String fieldValue(String name, Object value, Locale locale) {
        return switch (name) {
            case "residenceDivisionCode" -> divisions.path(String.valueOf(value)).stream().skip(1)
                    .map(Division::name).collect(Collectors.joining(" › "));
            case "economicStatus" -> messages.getMessage("economic-status." + value, null, "", locale);
            case "pensionStatus" -> messages.getMessage("exchange.pension-status." + value, null, "", locale);
            case "localHukou" -> messages.getMessage(Boolean.parseBoolean(String.valueOf(value)) ? "exchange.yes"
                    : "exchange.no", null, locale);
            case "guardians" -> guardians(value, locale);
            default -> String.valueOf(value);
        };
    }

    private String guardians(Object value, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object g : list) {
                if (g instanceof Map<?, ?> guardian) {
                    parts.add(messages.getMessage("exchange.guardian", new Object[] {guardian.get("name"),
                            messages.getMessage("exchange.relation." + guardian.get("relation"), null, "", locale)},
                            locale));
                }
            }
        }
        return String.join(messages.getMessage("exchange.list-separator", null, "、", locale), parts);
    }
}
