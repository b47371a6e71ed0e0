package org.yilaoyixiao.policy;

import java.util.List;

/** A parameter with all its values, oldest first. */
public record PolicyParameter(String key, String unit, List<ParameterValue> values) {

    public PolicyParameter {
        values = List.copyOf(values);
    }

    /** Whether the value in force on the latest date is provisional. */
    public boolean latestProvisional() {
        return !values.isEmpty() && values.get(values.size() - 1).provisional();
    }
}
