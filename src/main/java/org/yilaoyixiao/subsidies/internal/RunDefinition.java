package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * A monthly programme as set-based SQL over the published views (decision 0010): one statement selects every
 * eligible subject of a month with its amount and explanation, with the same conditions as the programme's
 * {@link SubsidyRule}. The month's parameter values are resolved in Java and bound, so the SQL never reads another
 * module's tables.
 */
interface RunDefinition {

    Programme programme();

    /**
     * The bind parameters of a month: {@code month_start}, {@code month_end} and the programme's rates (as JSON with
     * their references for the explanations). Throws {@link org.yilaoyixiao.policy.NoParameterValue} when a rate has no
     * value in the month.
     */
    Bound bind(LocalDate monthStart, PolicyParameters parameters);

    /**
     * Selects {@code subject_type, subject_id, division_code, township_code, name, id_number_masked, amount,
     * explanation} of every subject eligible in the bound month; {@code explanation->>'basis'} names the ground.
     */
    String selectLines();

    /**
     * A line's explanation as readers see it (API, line page, change list): {@code basis}, {@code facts} and the
     * parameter keys. A definition may store a flatter form that is cheaper to build for a million lines and derive the
     * rest here; the default returns what was stored.
     */
    default JsonNode expand(JsonNode stored, LocalDate forMonth) {
        return stored;
    }

    /** FROM-clause join after {@code subsidies.run_change c} giving the current facts of a subject, for stop reasons. */
    String removedJoin();

    /** The reason code (SQL expression over the join) why a subject of last month is not in this month's run. */
    String removedReason();

    /** Bind parameters with the parameter values they came from. */
    record Bound(Map<String, Object> params, List<ParameterValue> used) {

        static Bound of(LocalDate monthStart, List<ParameterValue> used) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("month_start", monthStart);
            params.put("month_end", monthStart.plusMonths(1).minusDays(1));
            return new Bound(params, used);
        }

        Bound with(String name, Object value) {
            params.put(name, value);
            return this;
        }
    }

    /** A rate as the JSON the explanations keep: value, parameter key, date, reference, provisional. */
    static Map<String, Object> rateJson(ParameterValue v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate", ParameterValue.plain(v.value()));
        json.put("parameter", v.key());
        json.put("effectiveFrom", v.effectiveFrom().toString());
        json.put("reference", v.reference());
        json.put("provisional", v.provisional());
        return json;
    }
}
