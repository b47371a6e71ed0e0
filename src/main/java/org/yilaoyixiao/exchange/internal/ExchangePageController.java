package org.yilaoyixiao.exchange.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.exchange.ExchangePermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** The clerk's pages: feed upload and deliveries, one delivery's records, the review queue, the province log. */
@Controller
class ExchangePageController {

    private final Feeds feeds;
    private final FeedRepository repository;
    private final ReviewQueue review;
    private final ProvinceOutbox outbox;
    private final RejectionReasons reasons;
    private final CurrentUsers currentUsers;
    private final org.springframework.context.MessageSource messages;

    ExchangePageController(Feeds feeds, FeedRepository repository, ReviewQueue review, ProvinceOutbox outbox,
                           RejectionReasons reasons, CurrentUsers currentUsers,
                           org.springframework.context.MessageSource messages) {
        this.feeds = feeds;
        this.repository = repository;
        this.review = review;
        this.outbox = outbox;
        this.reasons = reasons;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/exchange")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    String feeds(Model model) {
        model.addAttribute("feeds", List.of("household", "assistance", "health", "insurance"));
        model.addAttribute("loads", repository.loads(50));
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
    String load(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("load", repository.load(id).orElseThrow(() ->
                ApiException.notFound("exchange.load.not-found", Long.toString(id))));
        model.addAttribute("records", repository.ofLoad(id));
        model.addAttribute("rejected", repository.rejections(id).stream()
                .map(r -> Map.of("index", r.index() + 1, "recordId", r.recordId() == null ? "" : r.recordId(),
                        "reason", reasons.text(r.reason(), r.args(), locale))).toList());
        return "exchange/load";
    }

    @GetMapping("/exchange/review")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    String review(Model model) {
        model.addAttribute("records", review.queued());
        return "exchange/review";
    }

    @PostMapping("/exchange/review/{id}/resolve")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    String resolve(@PathVariable long id, @RequestParam(required = false) Long personId,
                   @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        try {
            review.resolve(id, personId, note, currentUsers.require());
            redirect.addFlashAttribute("done", messages.getMessage("exchange.review.resolved", null, locale));
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
        }
        return "redirect:/exchange/review";
    }

    @PostMapping("/exchange/review/{id}/dismiss")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.REVIEW + "')")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect,
                   Locale locale) {
        try {
            review.dismiss(id, note, currentUsers.require());
            redirect.addFlashAttribute("done", messages.getMessage("exchange.review.dismissed", null, locale));
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
        }
        return "redirect:/exchange/review";
    }

    @GetMapping("/exchange/deliveries")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.DELIVERIES + "')")
    String deliveries(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("deliveries", outbox.deliveries(status, 200));
        return "exchange/deliveries";
    }

    @PostMapping("/exchange/deliveries/{id}/retry")
    @PreAuthorize("hasAuthority('" + ExchangePermissions.FEED + "')")
    String retry(@PathVariable long id) {
        outbox.retry(id);
        return "redirect:/exchange/deliveries";
    }
}
