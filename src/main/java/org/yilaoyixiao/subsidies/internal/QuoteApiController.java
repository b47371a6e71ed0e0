package org.yilaoyixiao.subsidies.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

@RestController
@Tag(name = "Subsidy quotes")
class QuoteApiController {

    private final Quotes quotes;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    QuoteApiController(Quotes quotes, CurrentUsers currentUsers, MessageSource messages) {
        this.quotes = quotes;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping("/api/v1/subsidies/quotes")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.QUOTE + "')")
    @Operation(summary = "How much, and why? For given facts, or for a person, institution or provider (subjectId), as "
            + "of a date. Unknown programme or missing facts: 400 naming them (facts.<name>)")
    QuoteResponse quote(@RequestBody Quotes.Request request, Locale locale) {
        return response(quotes.quote(request, currentUsers.require()), messages, locale);
    }

    static QuoteResponse response(Quote q, MessageSource messages, Locale locale) {
        return new QuoteResponse(q.programme().name(), q.asOf().toString(), q.eligible(), q.amount(), "CNY",
                q.lines().stream().map(l -> new LineResponse(text(l.label(), messages, locale),
                        ParameterValue.plain(l.quantity()), l.rate(), l.amount().setScale(2, java.math.RoundingMode.HALF_UP), l.parameter(),
                        l.reference())).toList(),
                q.reasons().stream().map(r -> text(r, messages, locale)).toList(),
                q.reasons().stream().map(Message::key).toList(),
                q.facts(),
                q.parameters().stream().map(p -> new ParameterUsed(p.key(), p.effectiveFrom().toString(),
                        ParameterValue.plain(p.value()), p.reference(), p.provisional())).toList());
    }

    static String text(Message message, MessageSource messages, Locale locale) {
        return messages.getMessage(message.key(), message.argArray(), message.key(), locale);
    }

    record QuoteResponse(String programme, String asOf, boolean eligible, BigDecimal amount, String currency,
                         List<LineResponse> lines, List<String> reasons, List<String> reasonCodes,
                         java.util.Map<String, Object> facts, List<ParameterUsed> parameters) {
    }

    record LineResponse(String label, BigDecimal quantity, BigDecimal rate, BigDecimal amount, String parameter,
                        String reference) {
    }

    record ParameterUsed(String key, String effectiveFrom, BigDecimal value, String reference, boolean provisional) {
    }
}
