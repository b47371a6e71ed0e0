package org.yilaoyixiao.registry.internal.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Shares a whole number out in proportion to weights so that the shares add up exactly (largest remainder). */
final class Apportionment {

    private Apportionment() {
    }

    static long[] largestRemainder(long total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        long[] shares = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        int[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; given < total; k++, given++) {
            shares[byRemainder[k % weights.length]]++;
        }
        return shares;
    }
}
