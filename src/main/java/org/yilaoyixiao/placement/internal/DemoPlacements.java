package org.yilaoyixiao.placement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareClassLimit;
import org.yilaoyixiao.facilities.ChildcareClassRules;
import org.yilaoyixiao.facilities.ChildcareClassType;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.ClassAdmission;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.placement.PlacementKind;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * The demo occupancy of 2022, deterministic: synthetic elders (oldest first) in the demo institutions' beds at 75–85 %
 * of the approved beds of each type, {@value #FAMILY_BEDS} family care beds supervised by the demo institutions,
 * carers in every demo class as the national ratio asks for its capacity, and synthetic infants in the demo classes at
 * 80–90 % of each provider's slots. Every enrolment passes {@link ChildcareClassRules} (age, size, ratio) and the
 * class's capacity and the provider's slots, and every placement stays within the approved beds, counting what is
 * there already. With fewer synthetic people than places (a small demo scale) every target shrinks alike. Loaded once:
 * nothing is added when any demo placement, enrolment or carers record exists.
 */
@Component
class DemoPlacements {

    private static final Logger log = LoggerFactory.getLogger(DemoPlacements.class);

    static final String ACTOR = "demo";
    static final int FAMILY_BEDS = 40;
    static final double MIN_OCCUPANCY = 0.75;
    static final double MAX_OCCUPANCY = 0.85;
    static final double MIN_ENROLMENT = 0.80;
    static final double MAX_ENROLMENT = 0.90;
    static final int OLDEST_AGE = 105;
    /** Enough infants of every age for a county-sized demo population, so that the youngest classes fill too. */
    static final int MAX_INFANTS = 50_000;

    private final FacilityDirectory facilities;
    private final PersonDirectory persons;
    private final PlacementRepository placements;
    private final EnrolmentRepository enrolments;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ChildcareClassRules rules = ChildcareClassRules.national();

    DemoPlacements(FacilityDirectory facilities, PersonDirectory persons, PlacementRepository placements,
                   EnrolmentRepository enrolments, AuditTrail audit, JdbcClient jdbc,
                   TransactionTemplate transactions, Clock clock) {
        this.facilities = facilities;
        this.persons = persons;
        this.placements = placements;
        this.enrolments = enrolments;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What a load did; {@code elderShare} and {@code infantShare} are the parts of the intended placements and
     * enrolments made, below 1 when there were too few synthetic people (of the ages the classes take).
     */
    record Outcome(boolean loaded, int placed, int familyBeds, int enrolled, int classesWithCarers,
                   double elderShare, double infantShare) {

        static Outcome skipped() {
            return new Outcome(false, 0, 0, 0, 0, 0, 0);
        }
    }

    /** The intended occupancy of an institution's beds of a type, 75–85 %, by its place among the demo ones. */
    static double occupancy(int institutionIndex, BedType type) {
        return MIN_OCCUPANCY + ((institutionIndex * 3 + type.ordinal() * 5) % 11) / 100.0;
    }

    /** The intended share of a provider's slots taken, 80–90 %, by its place among the demo ones. */
    static double enrolment(int providerIndex) {
        return MIN_ENROLMENT + ((providerIndex * 7) % 11) / 100.0;
    }

    /** Carers a class needs to take its full capacity under the national ratio (MIXED: the strictest of its ages). */
    int carersFor(ChildcareClass childcareClass) {
        ChildcareClassLimit limit = rules.limit(childcareClass.type());
        int children = Math.min(childcareClass.capacity(), limit.maxChildren());
        int perCarer = limit.childrenPerCarer() != null ? limit.childrenPerCarer() : strictestRatio(limit);
        return Math.max(1, (children + perCarer - 1) / perCarer);
    }

    private int strictestRatio(ChildcareClassLimit mixed) {
        int strictest = Integer.MAX_VALUE;
        for (ChildcareClassType type : ChildcareClassType.values()) {
            ChildcareClassLimit limit = rules.limit(type);
            if (limit.childrenPerCarer() != null && limit.minAgeMonths() < mixed.maxAgeMonths()
                    && limit.maxAgeMonths() > mixed.minAgeMonths()) {
                strictest = Math.min(strictest, limit.childrenPerCarer());
            }
        }
        return strictest;
    }

    boolean alreadyLoaded() {
        return jdbc.sql("""
                        select exists (select 1 from placement.placement where synthetic)
                            or exists (select 1 from placement.enrolment where synthetic)
                            or exists (select 1 from placement.class_carers where synthetic)
                        """).query(Boolean.class).single();
    }

    /** Loads the demo occupancy in one transaction, or nothing when it is there already or there are no demo facilities. */
    Outcome load() {
        List<InstitutionSummary> homes = facilities.syntheticInstitutions();
        List<ChildcareProviderSummary> providers = facilities.syntheticProviders();
        if (homes.isEmpty() && providers.isEmpty()) {
            return Outcome.skipped();
        }
        LocalDate today = BusinessTime.today(clock);
        Outcome outcome = transactions.execute(status -> {
            homes.forEach(h -> placements.lockInstitution(h.id()));
            providers.forEach(p -> enrolments.lockProvider(p.id()));
            if (alreadyLoaded()) {
                return Outcome.skipped();
            }
            int[] elders = placeElders(homes, today);
            int classes = recordCarers(providers);
            double[] children = enrolInfants(providers, today);
            Outcome done = new Outcome(true, elders[0], elders[1], (int) children[0], classes,
                    elders[2] / 1000.0, children[1]);
            audit.record(AuditRecord.success("DEMO_PLACEMENTS_LOADED", "placement:demo",
                    "institution beds=" + done.placed() + " family beds=" + done.familyBeds() + " enrolments="
                            + done.enrolled() + " classes with carers=" + done.classesWithCarers() + " on=" + today)
                    .by("system"));
            return done;
        });
        if (outcome.loaded()) {
            log.info("Loaded the demo occupancy: {} elders in institution beds, {} family care beds, {} children in"
                    + " {} classes", outcome.placed(), outcome.familyBeds(), outcome.enrolled(),
                    outcome.classesWithCarers());
        }
        return outcome;
    }

    /** Returns {institution beds, family beds, share of the wanted places filled ×1000}. */
    private int[] placeElders(List<InstitutionSummary> homes, LocalDate today) {
        record Beds(InstitutionSummary home, BedType type, int wanted) {
        }
        List<Beds> wanted = new ArrayList<>();
        for (int i = 0; i < homes.size(); i++) {
            InstitutionSummary home = homes.get(i);
            for (BedType type : BedType.values()) {
                int approved = home.approved(type);
                if (approved <= 0) {
                    continue;
                }
                int target = (int) Math.floor(approved * occupancy(i, type));
                int free = target - placements.currentResidents(home.id(), type.name());
                if (free > 0) {
                    wanted.add(new Beds(home, type, free));
                }
            }
        }
        int[] familyWanted = new int[homes.size()];
        for (int f = 0; f < FAMILY_BEDS && !homes.isEmpty(); f++) {
            familyWanted[f % homes.size()]++;
        }
        for (int i = 0; i < homes.size(); i++) {
            familyWanted[i] = Math.max(0, familyWanted[i] - placements.currentFamilyBeds(homes.get(i).id()));
        }
        int total = wanted.stream().mapToInt(Beds::wanted).sum() + java.util.Arrays.stream(familyWanted).sum();
        if (total == 0) {
            return new int[] {0, 0, 1000};
        }
        List<PersonSummary> candidates = persons.syntheticPeopleBornBetween(today.minusYears(OLDEST_AGE),
                today.minusYears(Placements.ELDER_AGE), total * 2);
        Set<Long> placed = placements.currentlyPlaced(candidates.stream().map(PersonSummary::id).toList());
        List<PersonSummary> free = candidates.stream().filter(p -> !placed.contains(p.id())).limit(total).toList();
        double share = Math.min(1.0, free.size() / (double) total);
        int next = 0;
        int inBeds = 0;
        // the oldest go to nursing beds first, then assisted beds, then family beds
        List<Beds> ordered = new ArrayList<>(wanted.stream().filter(b -> b.type() == BedType.NURSING).toList());
        ordered.addAll(wanted.stream().filter(b -> b.type() != BedType.NURSING).toList());
        for (Beds beds : ordered) {
            int count = (int) Math.floor(beds.wanted() * share);
            for (int k = 0; k < count && next < free.size(); k++) {
                PersonSummary elder = free.get(next++);
                placements.insertSynthetic(elder.id(), PlacementKind.INSTITUTION, beds.home().id(),
                        beds.home().divisionCode(), beds.type().name(), from(elder, next, today), ACTOR);
                inBeds++;
            }
        }
        int family = 0;
        for (int i = 0; i < homes.size(); i++) {
            int count = (int) Math.floor(familyWanted[i] * share);
            for (int k = 0; k < count && next < free.size(); k++) {
                PersonSummary elder = free.get(next++);
                placements.insertSynthetic(elder.id(), PlacementKind.FAMILY_BED, homes.get(i).id(),
                        homes.get(i).divisionCode(), null, from(elder, next, today), ACTOR);
                family++;
            }
        }
        return new int[] {inBeds, family, (int) Math.round(share * 1000)};
    }

    /** Admitted some time in the last five years, never before the elder turned 60. */
    private static LocalDate from(PersonSummary elder, int index, LocalDate today) {
        LocalDate from = today.minusDays(30 + (index * 37L) % 1800);
        LocalDate sixty = elder.birthDate().plusYears(Placements.ELDER_AGE);
        return from.isBefore(sixty) ? sixty : from;
    }

    private int recordCarers(List<ChildcareProviderSummary> providers) {
        int classes = 0;
        for (ChildcareProviderSummary provider : providers) {
            for (ChildcareClass childcareClass : provider.classes()) {
                enrolments.recordSyntheticCarers(childcareClass.id(), carersFor(childcareClass), ACTOR);
                classes++;
            }
        }
        return classes;
    }

    /** Returns {children enrolled, share of the wanted enrolments filled}. */
    private double[] enrolInfants(List<ChildcareProviderSummary> providers, LocalDate today) {
        int wantedTotal = 0;
        Map<Long, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < providers.size(); i++) {
            ChildcareProviderSummary provider = providers.get(i);
            int target = (int) Math.floor(provider.approvedSlots() * enrolment(i));
            int free = target - enrolments.currentInProvider(provider.id());
            wanted.put(provider.id(), Math.max(free, 0));
            wantedTotal += Math.max(free, 0);
        }
        if (wantedTotal == 0) {
            return new double[] {0, 1};
        }
        int youngest = Integer.MAX_VALUE;
        int oldest = 0;
        for (ChildcareClassType type : ChildcareClassType.values()) {
            youngest = Math.min(youngest, rules.limit(type).minAgeMonths());
            oldest = Math.max(oldest, rules.limit(type).maxAgeMonths());
        }
        List<PersonSummary> candidates = persons.syntheticPeopleBornBetween(today.minusMonths(oldest).plusDays(1),
                today.minusMonths(youngest), MAX_INFANTS);
        Set<Long> enrolled = enrolments.currentlyEnrolled(candidates.stream().map(PersonSummary::id).toList());
        List<PersonSummary> pool = new ArrayList<>(candidates.stream().filter(p -> !enrolled.contains(p.id()))
                .filter(p -> p.ageMonthsOn(today) >= 0).toList());
        // with fewer children than places, every provider gets its share of them
        int fitting = pool.size();
        double share = Math.min(1.0, fitting / (double) wantedTotal);
        int total = 0;
        for (ChildcareProviderSummary provider : providers) {
            int target = (int) Math.floor(wanted.get(provider.id()) * share);
            int inProvider = enrolments.currentInProvider(provider.id());
            int taken = 0;
            List<ChildcareClass> classes = provider.classes();
            // fill the classes in turn, one child at a time, so that a provider's share spreads over its classes
            Map<Long, List<Integer>> ages = new HashMap<>();
            Map<Long, Integer> carers = new HashMap<>();
            for (ChildcareClass c : classes) {
                ages.put(c.id(), new ArrayList<>(enrolments.currentInClass(c.id()).stream()
                        .map(e -> persons.find(e.personId()).map(p -> p.ageMonthsOn(today)).orElse(0)).toList()));
                carers.put(c.id(), enrolments.carers(c.id()).orElse(0));
            }
            boolean progress = true;
            while (taken < target && progress) {
                progress = false;
                for (ChildcareClass c : classes) {
                    if (taken >= target || inProvider + taken >= provider.approvedSlots()) {
                        break;
                    }
                    List<Integer> present = ages.get(c.id());
                    if (present.size() >= c.capacity() || carers.get(c.id()) <= 0) {
                        continue;
                    }
                    // the child fewest class types would take, so that the classes sharing ages keep some
                    PersonSummary child = null;
                    int childFits = Integer.MAX_VALUE;
                    for (PersonSummary candidate : pool) {
                        int age = candidate.ageMonthsOn(today);
                        int fits = typesAdmitting(age);
                        if (fits < childFits && rules.admit(c.type(), present, carers.get(c.id()), age)
                                == ClassAdmission.ADMITTED) {
                            child = candidate;
                            childFits = fits;
                        }
                    }
                    if (child == null) {
                        continue;
                    }
                    pool.remove(child);
                    present.add(child.ageMonthsOn(today));
                    enrolments.insertSynthetic(child.id(), provider.id(), c.id(), provider.divisionCode(), today,
                            ACTOR);
                    taken++;
                    progress = true;
                }
            }
            total += taken;
        }
        return new double[] {total, total / (double) wantedTotal};
    }

    private int typesAdmitting(int ageMonths) {
        int types = 0;
        for (ChildcareClassType type : ChildcareClassType.values()) {
            if (rules.limit(type).admitsAge(ageMonths)) {
                types++;
            }
        }
        return types;
    }
}
