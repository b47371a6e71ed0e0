package org.yilaoyixiao.facilities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The national class limits (国卫人口发〔2019〕58号) as pure rules: which ages a class type takes, how many children it
 * may hold and how many children one carer may look after. A MIXED class has no ratio of its own; the strictest ratio
 * among the ages present applies, each child counted at the ratio of the single-age class its age belongs to.
 * The numbers come from {@code reference/childcare/class-limits.csv}, the same file the database table is loaded from.
 */
public final class ChildcareClassRules {

    public static final String RESOURCE = "/reference/childcare/class-limits.csv";

    private static final ChildcareClassRules NATIONAL = new ChildcareClassRules(read());

    private final Map<ChildcareClassType, ChildcareClassLimit> limits;

    public ChildcareClassRules(Collection<ChildcareClassLimit> limits) {
        this.limits = new EnumMap<>(ChildcareClassType.class);
        limits.forEach(limit -> this.limits.put(limit.type(), limit));
        for (ChildcareClassType type : ChildcareClassType.values()) {
            if (!this.limits.containsKey(type)) {
                throw new IllegalArgumentException("No limits for class type " + type);
            }
        }
    }

    /** The rules of the national standard. */
    public static ChildcareClassRules national() {
        return NATIONAL;
    }

    public ChildcareClassLimit limit(ChildcareClassType type) {
        return limits.get(type);
    }

    /**
     * Whether a child aged {@code ageMonths} may join a class of {@code type} whose current children have the given
     * ages (in months), looked after by {@code carers} carers. Checks age, then size, then ratio.
     */
    public ClassAdmission admit(ChildcareClassType type, List<Integer> currentAgesMonths, int carers, int ageMonths) {
        ChildcareClassLimit limit = limit(type);
        if (!limit.admitsAge(ageMonths)) {
            return ClassAdmission.AGE_NOT_ELIGIBLE;
        }
        int children = currentAgesMonths.size() + 1;
        if (children > limit.maxChildren()) {
            return ClassAdmission.CAPACITY_EXCEEDED;
        }
        int perCarer = childrenPerCarer(type, currentAgesMonths, ageMonths);
        if (children > (long) carers * perCarer) {
            return ClassAdmission.RATIO_BREACHED;
        }
        return ClassAdmission.ADMITTED;
    }

    /** The children one carer may look after in the class once the new child joins. */
    int childrenPerCarer(ChildcareClassType type, List<Integer> currentAgesMonths, int newAgeMonths) {
        Integer own = limit(type).childrenPerCarer();
        if (own != null) {
            return own;
        }
        int strictest = singleAgeRatio(newAgeMonths);
        for (int age : currentAgesMonths) {
            strictest = Math.min(strictest, singleAgeRatio(age));
        }
        return strictest;
    }

    /** The ratio of the single-age class an age belongs to; ages outside every one count as the youngest class. */
    private int singleAgeRatio(int ageMonths) {
        int youngest = Integer.MAX_VALUE;
        for (ChildcareClassLimit limit : limits.values()) {
            if (limit.childrenPerCarer() == null) {
                continue;
            }
            if (limit.admitsAge(ageMonths)) {
                return limit.childrenPerCarer();
            }
            youngest = Math.min(youngest, limit.childrenPerCarer());
        }
        return youngest;
    }

    /** Parses the reference file: comment lines start with '#', then a header, then one line per type. */
    public static List<ChildcareClassLimit> read() {
        try (InputStream in = ChildcareClassRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference file " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .skip(1).map(ChildcareClassRules::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChildcareClassLimit parse(String line) {
        String[] cells = line.split(",", -1);
        return new ChildcareClassLimit(ChildcareClassType.valueOf(cells[0].strip()), Integer.parseInt(cells[1].strip()),
                Integer.parseInt(cells[2].strip()), Integer.parseInt(cells[3].strip()),
                cells[4].isBlank() ? null : Integer.valueOf(cells[4].strip()));
    }
}
