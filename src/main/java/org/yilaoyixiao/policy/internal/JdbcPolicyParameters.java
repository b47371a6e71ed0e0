package org.yilaoyixiao.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameter;
import org.yilaoyixiao.policy.PolicyParameters;

@Component
class JdbcPolicyParameters implements PolicyParameters {

    private static final String SELECT = """
            select v.key, p.unit, v.effective_from, v.value, v.reference, v.provisional
            from policy.parameter_value v join policy.parameter p on p.key = v.key
            """;

    private final JdbcClient jdbc;

    JdbcPolicyParameters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ParameterValue> find(String key, LocalDate date) {
        return jdbc.sql(SELECT + " where v.key = :key and v.effective_from <= :date order by v.effective_from desc limit 1")
                .param("key", key).param("date", date).query(ParameterValue.class).optional();
    }

    @Override
    public List<PolicyParameter> all() {
        Map<String, List<ParameterValue>> byKey = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        jdbc.sql("select key, unit from policy.parameter order by key").query((rs, n) -> {
            units.put(rs.getString(1), rs.getString(2));
            byKey.put(rs.getString(1), new ArrayList<>());
            return null;
        }).list();
        jdbc.sql(SELECT + " order by v.key, v.effective_from").query(ParameterValue.class).list()
                .forEach(v -> byKey.get(v.key()).add(v));
        return byKey.entrySet().stream()
                .map(e -> new PolicyParameter(e.getKey(), units.get(e.getKey()), e.getValue())).toList();
    }

    Optional<PolicyParameter> parameter(String key) {
        return all().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Locks the parameter's row so that two new values cannot race past the "later than the latest" check. */
    Optional<LocalDate> lockLatestDate(String key) {
        List<String> found = jdbc.sql("select key from policy.parameter where key = :key for update")
                .param("key", key).query(String.class).list();
        if (found.isEmpty()) {
            return null;
        }
        return jdbc.sql("select max(effective_from) from policy.parameter_value where key = :key")
                .param("key", key).query(LocalDate.class).optional();
    }

    void insert(ParameterValue value, String actor) {
        jdbc.sql("""
                insert into policy.parameter_value (key, effective_from, value, reference, provisional, created_by)
                values (:key, :from, :value, :reference, :provisional, :actor)
                """).param("key", value.key()).param("from", value.effectiveFrom()).param("value", value.value())
                .param("reference", value.reference()).param("provisional", value.provisional())
                .param("actor", actor).update();
    }
}
