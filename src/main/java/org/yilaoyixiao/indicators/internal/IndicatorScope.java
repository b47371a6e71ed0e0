package org.yilaoyixiao.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/** Which division and year a request may ask for: a known division within the user's scope, a year with data. */
@Component
class IndicatorScope {

    static final int FIRST_YEAR = 2000;

    private final DivisionDirectory divisions;
    private final IndicatorBoard board;
    private final AuditTrail audit;

    IndicatorScope(DivisionDirectory divisions, IndicatorBoard board, AuditTrail audit) {
        this.divisions = divisions;
        this.board = board;
        this.audit = audit;
    }

    /** The division asked for (default: the user's own scope), checked. */
    String division(CurrentUser user, String division) {
        String code = division == null || division.isBlank() ? user.divisionCode() : division.strip();
        if (divisions.find(code).isEmpty()) {
            throw ApiException.notFound("indicators.division.not-found", code);
        }
        if (!divisions.isWithin(user.divisionCode(), code)) {
            audit.record(AuditRecord.of("INDICATOR_SCOPE_DENIED", "division:" + code, AuditOutcome.DENIED,
                    "outside scope " + user.divisionCode()));
            throw ApiException.forbidden("indicators.division.out-of-scope", code);
        }
        return code;
    }

    /** The year asked for (default: the running one): from 2000 to the running year. */
    int year(Integer year) {
        int current = board.currentYear();
        int y = year == null ? current : year;
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (y < FIRST_YEAR || y > current) {
            problems.add(new ApiException.FieldProblem("year", "OUT_OF_RANGE", "indicators.year.range",
                    new Object[] {String.valueOf(FIRST_YEAR), String.valueOf(current)}));
            throw ApiException.validation(problems);
        }
        return y;
    }
}
