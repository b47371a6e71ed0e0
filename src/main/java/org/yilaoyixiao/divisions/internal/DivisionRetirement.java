package org.yilaoyixiao.divisions.internal;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.platform.api.ApiException;

/**
 * Retires a division from a date: its open version is closed, nothing is deleted, so records that point at it keep
 * their history. A division with children still valid on that date cannot be retired.
 */
@Service
class DivisionRetirement {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DivisionRetirement(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private ApiException alreadyRetiredOrUnknown(String code) {
        return jdbc.sql("select max(valid_to) from divisions.division where code = :code")
                .param("code", code).query(LocalDate.class).optional()
                .map(to -> ApiException.conflict("division.retire.already", code, to.toString()))
                .orElseGet(() -> ApiException.notFound("division.not-found", code));
    }

    @Transactional
    public void retire(String code, LocalDate from, String reason) {
        if (from == null) {
            throw ApiException.validation("effectiveDate", "REQUIRED", "validation.NotNull");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "REQUIRED", "validation.NotBlank");
        }
        Division open = jdbc.sql("select " + JdbcDivisionDirectory.COLUMNS
                        + " from divisions.division where code = :code and valid_to is null for update")
                .param("code", code).query(JdbcDivisionDirectory::map).optional()
                .orElseThrow(() -> alreadyRetiredOrUnknown(code));
        if (!from.isAfter(open.validFrom())) {
            throw ApiException.validation("effectiveDate", "NOT_AFTER", "division.retire.not-after",
                    open.validFrom().toString());
        }
        long children = jdbc.sql("""
                        select count(*) from divisions.division
                        where parent_code = :code and (valid_to is null or valid_to > :from)
                        """)
                .param("code", code).param("from", from).query(Long.class).single();
        if (children > 0) {
            throw ApiException.conflict("division.retire.has-children", code, children);
        }
        jdbc.sql("update divisions.division set valid_to = :from where code = :code and valid_to is null")
                .param("from", from).param("code", code).update();
        audit.record(AuditRecord.success("DIVISION_RETIRED", "division:" + code, "from=" + from + " reason=" + reason));
    }
}
