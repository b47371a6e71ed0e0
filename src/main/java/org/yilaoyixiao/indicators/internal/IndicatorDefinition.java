package org.yilaoyixiao.indicators.internal;

import java.math.BigDecimal;
import java.util.List;

/** One row of the plan's indicator table (or a text-only target), as reference data. */
record IndicatorDefinition(String code, int seq, boolean inTable, String nameZh, String nameEn, String unit,
                           Kind kind, int scale, String attribute, String responsibleUnits, Integer baselineYear,
                           BigDecimal baselineValue, String baselineComparator, String baselineSource, int targetYear,
                           BigDecimal targetValue, Comparator targetComparator, String targetSource,
                           String numeratorDefinition, String denominatorDefinition, Statistic denominatorStatistic,
                           String computedLaterBy, String reportedBy, List<Variant> variants) {

    enum Kind { COUNT, RATIO }

    /** How the 2025 value is to be read: a floor, the value as written, or the provincial average as a floor. */
    enum Comparator { AT_LEAST, EXACTLY, AT_LEAST_PROVINCIAL_AVERAGE }

    enum Statistic { RESIDENT_POPULATION, POPULATION_60_PLUS }

    /** A value the plan states differently in another place. */
    record Variant(String field, BigDecimal value, String source, String note) {
    }

    boolean isCount() {
        return kind == Kind.COUNT;
    }
}
