package org.yilaoyixiao.policy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.policy.ParameterValue;

/** Adds a value to a parameter from a date after its latest one; earlier values stay as they were. */
@Service
class PolicyValues {

    private final JdbcPolicyParameters parameters;
    private final AuditTrail audit;

    PolicyValues(JdbcPolicyParameters parameters, AuditTrail audit) {
        this.parameters = parameters;
        this.audit = audit;
    }

    record NewValue(LocalDate effectiveFrom, BigDecimal value, String reference, Boolean provisional) {
    }

    @Transactional
    ParameterValue add(String key, NewValue request, String actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (request.effectiveFrom() == null) {
            problems.add(new ApiException.FieldProblem("effectiveFrom", "REQUIRED", "policy.value.effective-from.required", null));
        }
        if (request.value() == null) {
            problems.add(new ApiException.FieldProblem("value", "REQUIRED", "policy.value.value.required", null));
        } else if (request.value().signum() < 0) {
            problems.add(new ApiException.FieldProblem("value", "MIN", "policy.value.value.min", null));
        }
        if (request.reference() == null || request.reference().isBlank()) {
            problems.add(new ApiException.FieldProblem("reference", "REQUIRED", "policy.value.reference.required", null));
        } else if (request.reference().length() > 300) {
            problems.add(new ApiException.FieldProblem("reference", "SIZE", "policy.value.reference.size", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Optional<LocalDate> latest = parameters.lockLatestDate(key);
        if (latest == null) {
            throw ApiException.notFound("policy.parameter.not-found", key);
        }
        if (latest.isPresent() && !request.effectiveFrom().isAfter(latest.get())) {
            throw ApiException.conflict("policy.value.not-after-latest", key, latest.get());
        }
        String unit = parameters.parameter(key).orElseThrow().unit();
        ParameterValue value = new ParameterValue(key, unit, request.effectiveFrom(), request.value(),
                request.reference().trim(), Boolean.TRUE.equals(request.provisional()));
        parameters.insert(value, actor);
        audit.record(AuditRecord.success("POLICY_VALUE_ADDED", "parameter:" + key,
                "自 " + value.effectiveFrom() + " 起为 " + value.value().toPlainString() + "（依据：" + value.reference()
                        + (value.provisional() ? "；暂定" : "") + "）"));
        return value;
    }
}
