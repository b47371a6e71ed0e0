package org.yilaoyixiao.placement.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;

/** Where someone lives as a list shows it: "鹤城街道 › 江南社区", without the county everyone shares. */
@Component
class PlaceNames {

    private final DivisionDirectory divisions;

    PlaceNames(DivisionDirectory divisions) {
        this.divisions = divisions;
    }

    String of(String code) {
        if (code == null) {
            return "";
        }
        List<Division> path = divisions.path(code);
        return path.stream().skip(Math.min(1, Math.max(0, path.size() - 1))).map(Division::name)
                .collect(Collectors.joining(" › "));
    }

    /** Names of the distinct codes of one page (a few dozen), each looked up once. */
    Map<String, String> of(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        for (String code : codes) {
            if (code != null) {
                names.computeIfAbsent(code, this::of);
            }
        }
        return names;
    }

    /** The name of one division, for a picker's box; null when unknown. */
    String name(String code) {
        return code == null || code.isBlank() ? null : divisions.find(code.strip()).map(Division::name).orElse(null);
    }
}
