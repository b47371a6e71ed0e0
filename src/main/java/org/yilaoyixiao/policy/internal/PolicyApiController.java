package org.yilaoyixiao.policy.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameter;
import org.yilaoyixiao.policy.PolicyPermissions;

@RestController
@Tag(name = "Policy parameters (dated, with legal references)")
class PolicyApiController {

    private final JdbcPolicyParameters parameters;
    private final PolicyValues values;
    private final CurrentUsers currentUsers;

    PolicyApiController(JdbcPolicyParameters parameters, PolicyValues values, CurrentUsers currentUsers) {
        this.parameters = parameters;
        this.values = values;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/policy/parameters")
    @PreAuthorize("hasAuthority('" + PolicyPermissions.READ + "')")
    @Operation(summary = "Every parameter with all its values, oldest first; provisional values await the bureau")
    List<ParameterResponse> all() {
        return parameters.all().stream().map(PolicyApiController::response).toList();
    }

    @PostMapping("/api/v1/policy/parameters/{key}/values")
    @PreAuthorize("hasAuthority('" + PolicyPermissions.MANAGE + "')")
    @Operation(summary = "Add a value from a date after the latest value's date (else 409); earlier values are never "
            + "changed. Audited")
    ResponseEntity<ValueResponse> add(@PathVariable String key, @RequestBody PolicyValues.NewValue request) {
        ParameterValue added = values.add(key, request, currentUsers.require().username());
        return ResponseEntity.created(URI.create("/api/v1/policy/parameters/" + key)).body(response(added));
    }

    static ParameterResponse response(PolicyParameter p) {
        return new ParameterResponse(p.key(), p.unit(), p.values().stream().map(PolicyApiController::response).toList());
    }

    static ValueResponse response(ParameterValue v) {
        return new ValueResponse(v.effectiveFrom(), ParameterValue.plain(v.value()), v.reference(), v.provisional());
    }

    record ParameterResponse(String key, String unit, List<ValueResponse> values) {
    }

    record ValueResponse(LocalDate effectiveFrom, BigDecimal value, String reference, boolean provisional) {
    }
}
