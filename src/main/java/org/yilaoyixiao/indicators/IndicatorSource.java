package org.yilaoyixiao.indicators;

import java.util.Map;

/**
 * Computes one indicator from a module's own data. A bean of this type makes the indicator {@code COMPUTED}; without
 * one it is {@code REPORTED} by the responsible unit. The indicators module adds the counts up the division tree
 * (village → township → county), so a source only counts the records attached directly to each division and never
 * divides: ratios are recomputed from summed numerators and denominators at every level.
 */
public interface IndicatorSource {

    /** The indicator code, {@code I01} … {@code I19} or a text-only target {@code S01} …. */
    String code();

    /**
     * Numerator and denominator per division code the records are attached to. For counts the denominator is 0; for
     * ratios divided by a statistics input (resident population, population 60+) it is 0 and the input is used.
     */
    Map<String, IndicatorCount> countByDivision(IndicatorPeriod period);
}
