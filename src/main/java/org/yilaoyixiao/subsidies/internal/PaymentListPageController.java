package org.yilaoyixiao.subsidies.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Downloads;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

/**
 * The files the run and grant pages offer, through the logged-in session (the API keeps its own Basic routes): the
 * masked payment lists for every reader, and for payers the list finance pays from (full ID numbers and accounts) as
 * Excel and PDF. Every download is audited by the list that writes it.
 */
@Controller
class PaymentListPageController {

    private static final String CSV = "text/csv;charset=UTF-8";

    private final PaymentList paymentList;
    private final PayableList payableList;
    private final GrantPaymentList grantPaymentList;
    private final Payers payers;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    PaymentListPageController(PaymentList paymentList, PayableList payableList, GrantPaymentList grantPaymentList,
                              Payers payers, CurrentUsers currentUsers, Clock clock) {
        this.paymentList = paymentList;
        this.payableList = payableList;
        this.grantPaymentList = grantPaymentList;
        this.payers = payers;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping("/subsidies/runs/{id}/payment-list.xlsx")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    void xlsx(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        RunRecord run = paymentList.approvedRun(id);
        Downloads.prepare(response, Downloads.XLSX, paymentList.fileName(run, "xlsx"));
        paymentList.xlsx(run, currentUsers.require(), locale, response.getOutputStream());
    }

    @GetMapping("/subsidies/runs/{id}/payment-list.csv")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    void csv(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        RunRecord run = paymentList.approvedRun(id);
        Downloads.prepare(response, CSV, paymentList.fileName(run, "csv"));
        paymentList.csv(run, currentUsers.require(), locale, response.getOutputStream());
    }

    @GetMapping("/subsidies/runs/{id}/payable.xlsx")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PAY + "')")
    void payableXlsx(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        RunRecord run = payable(id);
        Downloads.prepare(response, Downloads.XLSX, payableList.fileName(run, "xlsx", locale));
        payableList.xlsx(run, currentUsers.require(), locale, response.getOutputStream());
    }

    @GetMapping("/subsidies/runs/{id}/payable.pdf")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PAY + "')")
    void payablePdf(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        RunRecord run = payable(id);
        byte[] pdf = payableList.pdf(run, currentUsers.require(), locale, BusinessTime.today(clock));
        Downloads.prepare(response, "application/pdf", payableList.fileName(run, "pdf", locale));
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    private RunRecord payable(long id) {
        RunRecord run = paymentList.approvedRun(id);
        CurrentUser actor = currentUsers.require();
        payers.requirePayer(actor, run.programme(), "subsidy-run:" + id);
        return run;
    }

    @GetMapping("/subsidies/grants/payment-list.xlsx")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    void grantsXlsx(@RequestParam(required = false) Integer year, HttpServletResponse response, Locale locale)
            throws IOException {
        int y = year == null ? BusinessTime.today(clock).getYear() : year;
        Downloads.prepare(response, Downloads.XLSX, grantPaymentList.fileName(y, "xlsx"));
        grantPaymentList.xlsx(y, currentUsers.require(), locale, BusinessTime.ZONE, response.getOutputStream());
    }

    @GetMapping("/subsidies/grants/payment-list.csv")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    void grantsCsv(@RequestParam(required = false) Integer year, HttpServletResponse response, Locale locale)
            throws IOException {
        int y = year == null ? BusinessTime.today(clock).getYear() : year;
        Downloads.prepare(response, CSV, grantPaymentList.fileName(y, "csv"));
        grantPaymentList.csv(y, currentUsers.require(), locale, BusinessTime.ZONE, response.getOutputStream());
    }
}
