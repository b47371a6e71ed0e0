package org.yilaoyixiao.indicators;

/** A numerator and a denominator that add up across divisions. */
public record IndicatorCount(long numerator, long denominator) {

    public static final IndicatorCount ZERO = new IndicatorCount(0, 0);

    public IndicatorCount plus(IndicatorCount other) {
        return new IndicatorCount(numerator + other.numerator, denominator + other.denominator);
    }
}
