package org.yilaoyixiao.registry.internal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Makes a Qingtian-like population at a scale: {@code round(95,900 × N)} elders and {@code round(3,600 × N)}
 * infants, shared out over the residences by weight, in households, one household at a time so that a million
 * people never sit in memory. The same seed, residences and date give the same people, in the same order.
 */
final class DemoPopulationGenerator {

    /** The seed of the demo population everyone gets; change it only to get a different demo. */
    static final long DEFAULT_SEED = 331121_2023_0331L;

    private final DemoScale scale;
    private final List<Residence> residences;
    private final LocalDate today;
    private final Instant now;
    private final long seed;

    DemoPopulationGenerator(DemoScale scale, List<Residence> residences, LocalDate today, Instant now, long seed) {
        if (residences.isEmpty()) {
            throw new IllegalArgumentException("A demo population needs at least one residence");
        }
        this.scale = scale;
        this.residences = List.copyOf(residences);
        this.today = today;
        this.now = now;
        this.seed = seed;
    }

    long elders() {
        return scale.of(CountyProfile.ELDERS);
    }

    long infants() {
        return scale.of(CountyProfile.INFANTS);
    }

    long people() {
        return elders() + infants();
    }

    /** Hands every household to {@code sink}, residence by residence in the given order. */
    void generate(Consumer<DemoHousehold> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        DemoPeople people = new DemoPeople(random, today);
        FamilyContacts contacts = new FamilyContacts(people);
        ElderHouseholds elderHouseholds = new ElderHouseholds(people, contacts);
        InfantHouseholds infantHouseholds = new InfantHouseholds(people, contacts, now);
        double[] weights = residences.stream().mapToDouble(Residence::weight).toArray();
        long[] elderQuota = Apportionment.largestRemainder(elders(), weights);
        long[] infantQuota = Apportionment.largestRemainder(infants(), weights);
        for (int r = 0; r < residences.size(); r++) {
            Residence residence = residences.get(r);
            long eldersLeft = elderQuota[r];
            long infantsLeft = infantQuota[r];
            int house = 1;
            while (infantsLeft > 0) {
                DemoHousehold household = infantHouseholds.next(residence, address(residence, house++), infantsLeft,
                        eldersLeft);
                long infants = household.members().stream().filter(DemoHousehold.Member::infant).count();
                infantsLeft -= infants;
                eldersLeft -= household.members().size() - infants;
                sink.accept(household);
            }
            while (eldersLeft > 0) {
                DemoHousehold household = elderHouseholds.next(residence, address(residence, house++), eldersLeft);
                eldersLeft -= household.members().size();
                sink.accept(household);
            }
        }
    }

    private static String address(Residence residence, int house) {
        return residence.name() + house + "号";
    }
}
