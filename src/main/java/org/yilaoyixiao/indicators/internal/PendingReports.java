package org.yilaoyixiao.indicators.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.Bureau;

/**
 * The indicators a division still lacks a reported value for in a year: those the platform cannot compute, of the
 * bureau that answers for them (the plan's 责任单位), or all of them for a user without a bureau (the county
 * administrator). What the bureau clerk's inbox counts and the input page lists first.
 */
@Component
class PendingReports {

    /** The plan's name of each bureau, as its indicator table writes the responsible unit. */
    private static final Map<Bureau, String> UNIT_NAMES = unitNames();

    private final Definitions definitions;
    private final IndicatorBoard board;
    private final ReportedValues reports;

    PendingReports(Definitions definitions, IndicatorBoard board, ReportedValues reports) {
        this.definitions = definitions;
        this.board = board;
        this.reports = reports;
    }

    private static Map<Bureau, String> unitNames() {
        Map<Bureau, String> names = new EnumMap<>(Bureau.class);
        names.put(Bureau.CIVIL_AFFAIRS, "县民政局");
        names.put(Bureau.HEALTH, "县卫生健康局");
        names.put(Bureau.EDUCATION, "县教育局");
        names.put(Bureau.HUMAN_RESOURCES_SOCIAL_SECURITY, "县人力社保局");
        names.put(Bureau.FINANCE, "县财政局");
        names.put(Bureau.NATURAL_RESOURCES, "县自然资源局");
        names.put(Bureau.PUBLIC_SECURITY, "县公安局");
        names.put(Bureau.DISABLED_PERSONS_FEDERATION, "县残联");
        names.put(Bureau.ORGANIZATION_DEPARTMENT, "县委组织部");
        return names;
    }

    /** Reportable indicators of the bureau (all of them for null), in the plan's order. */
    List<IndicatorDefinition> reportable(Bureau bureau) {
        String unit = bureau == null ? null : UNIT_NAMES.get(bureau);
        return definitions.all().stream()
                .filter(d -> !board.isComputed(d.code()))
                .filter(d -> unit == null || (d.responsibleUnits() != null && d.responsibleUnits().contains(unit)))
                .toList();
    }

    /** Of those, the ones without a value for the division and year. */
    List<IndicatorDefinition> pending(Bureau bureau, String divisionCode, int year) {
        Set<String> reported = reports.latest(divisionCode, year).keySet();
        return reportable(bureau).stream().filter(d -> !reported.contains(d.code())).toList();
    }
}
