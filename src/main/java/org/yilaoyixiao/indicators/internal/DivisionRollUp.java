package org.yilaoyixiao.indicators.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.indicators.IndicatorCount;

/**
 * Adds counts attached to divisions up the tree: a division's numerator and denominator are the sums over its whole
 * subtree. Ratios are computed from these sums afterwards, never averaged (a township of 10 beds must not weigh as
 * much as one of 500). Records attached to a code that is no longer in the tree count for its nearest known ancestor
 * by code prefix (township = first 9 digits, county = first 6).
 */
final class DivisionRollUp {

    private final Map<String, String> parents = new HashMap<>();

    DivisionRollUp(List<Division> tree) {
        for (Division division : tree) {
            parents.put(division.code(), division.parentCode());
        }
    }

    boolean contains(String code) {
        return parents.containsKey(code);
    }

    /** Totals for every division of the tree that has any record in its subtree. */
    Map<String, IndicatorCount> rollUp(Map<String, IndicatorCount> attached) {
        Map<String, IndicatorCount> totals = new HashMap<>();
        attached.forEach((code, count) -> {
            String node = known(code);
            while (node != null) {
                totals.merge(node, count, IndicatorCount::plus);
                node = parents.get(node);
            }
        });
        return totals;
    }

    private String known(String code) {
        if (code == null) {
            return null;
        }
        if (parents.containsKey(code)) {
            return code;
        }
        for (int length : new int[] {9, 6}) {
            if (code.length() > length && parents.containsKey(code.substring(0, length))) {
                return code.substring(0, length);
            }
        }
        return null;
    }
}
