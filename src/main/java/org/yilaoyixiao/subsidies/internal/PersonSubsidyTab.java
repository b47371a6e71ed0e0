package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

/**
 * The subsidies tab of a person's page: what the person is entitled to today under the personal programmes, and every
 * line paid or to be paid to them, newest first.
 */
@Controller
class PersonSubsidyTab {

    private static final List<Programme> PERSONAL = List.of(Programme.ELDERLY_SERVICE_SUBSIDY,
            Programme.CHILDCARE_ALLOWANCE);

    private final Quotes quotes;
    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final DivisionDirectory divisions;
    private final MessageSource messages;
    private final Clock clock;

    PersonSubsidyTab(Quotes quotes, JdbcClient jdbc, CurrentUsers currentUsers, DivisionDirectory divisions,
                     MessageSource messages, Clock clock) {
        this.quotes = quotes;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.divisions = divisions;
        this.messages = messages;
        this.clock = clock;
    }

    record PaidLine(long runId, long lineId, String programme, LocalDate forMonth, String kind, BigDecimal amount,
                    String runStatus, String divisionCode) {
    }

    @GetMapping("/subsidies/persons/{personId}/tab")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String tab(@PathVariable long personId, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        LocalDate today = BusinessTime.today(clock);
        List<QuoteApiController.QuoteResponse> entitlements = new ArrayList<>();
        for (Programme programme : PERSONAL) {
            // the quote checks the person is in the reader's scope (404 otherwise) and audits the read
            Quote quote = quotes.quote(new Quotes.Request(programme.name(), today, personId, null), actor);
            if (quote.eligible() || programme == Programme.ELDERLY_SERVICE_SUBSIDY
                    && ((Number) quote.facts().getOrDefault("age", 0)).intValue() >= 60) {
                entitlements.add(QuoteApiController.response(quote, messages, locale));
            }
        }
        // one index probe per run (run_id, subject_type, subject_id), not a scan of every line ever paid
        List<PaidLine> lines = jdbc.sql("""
                select l.run_id, l.id as line_id, r.programme, l.for_month, l.kind, l.amount, r.status as run_status,
                       l.division_code
                from subsidies.run r
                cross join lateral (select * from subsidies.run_line x
                                    where x.run_id = r.id and x.subject_type = 'PERSON' and x.subject_id = :person) l
                where r.programme in ('ELDERLY_SERVICE_SUBSIDY', 'CHILDCARE_ALLOWANCE')
                order by l.for_month desc, l.id desc limit 36
                """).param("person", personId).query(PaidLine.class).list().stream()
                .filter(l -> divisions.isWithin(actor.divisionCode(), l.divisionCode())).toList();
        model.addAttribute("entitlements", entitlements);
        model.addAttribute("paidLines", lines);
        model.addAttribute("today", today);
        return "subsidies/tab :: tab";
    }

}
