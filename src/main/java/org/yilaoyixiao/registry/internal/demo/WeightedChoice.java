package org.yilaoyixiao.registry.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Picks one of a few values with given weights, reproducibly from a seeded random source. */
final class WeightedChoice<T> {

    private final List<T> values;
    private final double[] cumulative;

    private WeightedChoice(List<T> values, double[] weights) {
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Pairs of value and weight: {@code of("叶", 9, "陈", 8, …)}. */
    @SuppressWarnings("unchecked")
    static <T> WeightedChoice<T> of(Object... valuesAndWeights) {
        List<T> values = new ArrayList<>();
        double[] weights = new double[valuesAndWeights.length / 2];
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            values.add((T) valuesAndWeights[i]);
            weights[i / 2] = ((Number) valuesAndWeights[i + 1]).doubleValue();
        }
        return new WeightedChoice<>(values, weights);
    }

    /** The index of a band drawn with the given weights. */
    static int index(SplittableRandom random, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double point = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    T pick(SplittableRandom random) {
        double point = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (point < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
