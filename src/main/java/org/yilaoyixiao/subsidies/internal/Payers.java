package org.yilaoyixiao.subsidies.internal;

import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

/**
 * Who may read a payment list with full ID numbers and accounts (发放名册): holders of
 * {@link SubsidyPermissions#PAY} at county level, and only for programmes their bureau pays — the 财政局 pays every
 * programme; the 民政局 prepares the payments of the elderly programmes and the 卫健局 of the childcare ones (they
 * hand the list to the bank with finance's sign-off). Everyone else reads the masked list.
 */
@Component
class Payers {

    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final String countyCode;

    Payers(CurrentUsers currentUsers, AuditTrail audit, @Value("${yly.county-code}") String countyCode) {
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.countyCode = countyCode;
    }

    boolean mayPay(CurrentUser user, String programme) {
        Bureau bureau = user.bureau();
        if (!currentUsers.has(SubsidyPermissions.PAY) || !countyCode.equals(user.divisionCode())
                || !user.hasRole(Role.BUREAU_STAFF) || bureau == null) {
            return false;
        }
        Set<Programme> theirs = BureauProgrammes.of(user);
        return theirs.stream().anyMatch(p -> p.name().equals(programme));
    }

    /** 403 (audited) unless the user may pay this programme. */
    void requirePayer(CurrentUser user, String programme, String target) {
        if (!mayPay(user, programme)) {
            audit.record(AuditRecord.of("SUBSIDY_PAYABLE_LIST_EXPORTED", target, AuditOutcome.DENIED,
                    "无权下载含完整身份证号和收款账户的发放名册"));
            throw ApiException.forbidden("subsidies.pay.not-payer");
        }
    }
}
