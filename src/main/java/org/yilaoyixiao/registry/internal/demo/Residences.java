package org.yilaoyixiao.registry.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;

/**
 * Where synthetic people live: every current village of the county, weighted so that subdistricts (街道) are the
 * most populous, towns (镇) next and rural townships (乡) least, communities (社区) a little more than villages, with
 * a fixed per-village variation. A township without villages is itself a residence.
 */
final class Residences {

    private Residences() {
    }

    static List<Residence> of(DivisionDirectory divisions, String countyCode) {
        List<Residence> residences = new ArrayList<>();
        for (Division township : divisions.children(countyCode)) {
            double townshipWeight = township.name().endsWith("街道") ? 3.0 : township.name().endsWith("镇") ? 2.0 : 1.0;
            List<Division> villages = divisions.children(township.code());
            if (villages.isEmpty()) {
                residences.add(new Residence(township.code(), township.name(), township.code(),
                        townshipWeight * variation(township.code())));
            }
            for (Division village : villages) {
                double villageWeight = village.name().endsWith("社区") ? 1.4 : 1.0;
                residences.add(new Residence(village.code(), village.name(), township.code(),
                        townshipWeight * villageWeight * variation(village.code())));
            }
        }
        return residences;
    }

    /** 0.7–1.3, fixed for a division code. */
    private static double variation(String code) {
        return 0.7 + 0.6 * new SplittableRandom(code.hashCode()).nextDouble();
    }
}
