package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.CareCentreKind;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareClassRules;
import org.yilaoyixiao.facilities.ChildcareClassType;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.CommunityService;
import org.yilaoyixiao.facilities.InstitutionBeds;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.facilities.ProfitType;
import org.yilaoyixiao.facilities.TalentTitle;

/**
 * The synthetic facilities that reproduce the 2022 baseline (reference/facilities/baseline-2022.csv, plan-facts.md
 * §2): made-up names, real totals. Pure and deterministic: the same townships and villages give the same facilities.
 */
final class DemoFacilities {

    /** Approved beds and nursing beds of the 8 institutions: 1023 beds, 695 nursing. */
    static final int[] BEDS = {200, 180, 150, 130, 120, 100, 83, 60};
    static final int[] NURSING = {140, 125, 100, 90, 80, 70, 55, 35};
    static final int VILLAGE_CENTRES = 223;
    static final int ACTIVITY_CENTRES = 385;
    /** 28 kindergarten classes (870 slots), 5 filed standalone institutions (310), 1 community point (20). */
    static final int[] KINDERGARTEN_SLOTS = kindergartenSlots();
    static final int[] STANDALONE_SLOTS = {80, 70, 60, 50, 50};
    static final int OTHER_SLOTS = 20;
    static final int CHILDCARE_TOWNSHIPS = 15;
    static final int CHILDCARE_WORKERS = 450;
    /** 23.5 per 10,000 of 95,900 elders (plan-facts.md §2) ≈ 225 certified; a few more hold expired certificates. */
    static final int CERTIFIED_ELDERLY_CARERS = 225;
    static final int EXPIRED_ELDERLY_CARERS = 15;
    /** Certified carers whose certificate runs out within a month of loading, to show on the staff page. */
    static final int EXPIRING_SOON = 8;

    private static final String SURNAMES = "叶陈周王林刘吴徐季郭张李杨潘金胡邱蒋严夏";
    private static final String GIVEN = "丽芳秀英华敏静燕红梅兰玉娟珍凤霞建国伟军明强平志勇海";

    private DemoFacilities() {
    }

    private static int[] kindergartenSlots() {
        int[] slots = new int[28];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i < 2 ? 45 : 30;
        }
        return slots;
    }

    static List<InstitutionRecord> institutions(List<String> townships) {
        List<InstitutionRecord> list = new ArrayList<>();
        for (int i = 0; i < BEDS.length; i++) {
            boolean publicBuilt = i < 5;
            int nursing = NURSING[i];
            int assisted = BEDS[i] - nursing;
            String division = townships.get((i * 4) % townships.size());
            list.add(new InstitutionRecord(0, "青田县示例" + (publicBuilt ? "颐养院" : "康养中心") + (i + 1) + "号",
                    division, publicBuilt ? OperationModel.PUBLIC_BUILT_PRIVATE_RUN : OperationModel.PRIVATE,
                    publicBuilt ? ProfitType.NON_PROFIT : (i % 2 == 0 ? ProfitType.FOR_PROFIT : ProfitType.NON_PROFIT),
                    i == 0 ? InstitutionKind.MEDICAL_CARE_COMBINED
                            : publicBuilt ? InstitutionKind.RURAL_NURSING_HOME : InstitutionKind.CARE_HOME,
                    i < 6 ? 1 + (i % 4) : null, i < 6 ? LocalDate.of(2022, 6, 1 + i) : null,
                    i % 3 == 2 ? Premises.LEASED : Premises.OWNED, i % 3 == 2 ? LocalDate.of(2030, 12, 31) : null,
                    LocalDate.of(2012 + i, 3, 1), true, i < 2, true, 0,
                    List.of(new InstitutionBeds(BedType.NURSING, nursing, nursing / 10),
                            new InstitutionBeds(BedType.ASSISTED, assisted, 0))));
        }
        return list;
    }

    static List<CareCentreRecord> careCentres(List<String> townships, List<String> villages) {
        List<String> places = villages.isEmpty() ? townships : villages;
        List<CareCentreRecord> list = new ArrayList<>();
        Set<CommunityService> village = EnumSet.of(CommunityService.MEALS, CommunityService.CLEANING,
                CommunityService.EMERGENCY);
        for (int i = 0; i < VILLAGE_CENTRES; i++) {
            list.add(centre("居家养老服务照料中心" + (i + 1), places.get(i % places.size()),
                    CareCentreKind.VILLAGE_CARE_CENTRE, i % 4 == 0 ? EnumSet.allOf(CommunityService.class) : village,
                    "周一至周六 8:00–17:00"));
        }
        for (int i = 0; i < townships.size(); i++) {
            list.add(centre("居家养老服务中心" + (i + 1), townships.get(i), CareCentreKind.TOWNSHIP_SERVICE_CENTRE,
                    EnumSet.allOf(CommunityService.class), "每天 7:30–19:00"));
        }
        for (int i = 0; i < ACTIVITY_CENTRES; i++) {
            list.add(centre("老年活动中心" + (i + 1), places.get((i * 7) % places.size()), CareCentreKind.ACTIVITY_CENTRE,
                    EnumSet.noneOf(CommunityService.class), "每天 8:00–21:00"));
        }
        return list;
    }

    private static CareCentreRecord centre(String name, String division, CareCentreKind kind,
                                           Set<CommunityService> services, String hours) {
        return new CareCentreRecord(0, "示例" + name, division, kind, services, hours, true, 0);
    }

    /** The 15 townships with childcare: every other one, so that they spread over the county. */
    static List<String> childcareTownships(List<String> townships) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; chosen.size() < CHILDCARE_TOWNSHIPS && i < townships.size(); i += 2) {
            chosen.add(townships.get(i));
        }
        return chosen;
    }

    static List<ProviderRecord> providers(List<String> townships) {
        List<String> places = childcareTownships(townships);
        List<ProviderRecord> list = new ArrayList<>();
        for (int i = 0; i < KINDERGARTEN_SLOTS.length; i++) {
            list.add(provider("示例幼儿园托班" + (i + 1), places.get(i % places.size()),
                    ChildcareProviderKind.KINDERGARTEN_CLASS, true, LocalDate.of(2022, 3, 1), KINDERGARTEN_SLOTS[i],
                    true, Premises.OWNED, null,
                    List.of(ChildcareClassType.OLDER_TODDLER, ChildcareClassType.TODDLER)));
        }
        for (int i = 0; i < STANDALONE_SLOTS.length; i++) {
            boolean leased = i % 2 == 1;
            list.add(provider("示例托育园" + (i + 1), places.get((KINDERGARTEN_SLOTS.length + i) % places.size()),
                    ChildcareProviderKind.STANDALONE, true, LocalDate.of(2022, 5, 10 + i), STANDALONE_SLOTS[i], i < 3,
                    leased ? Premises.LEASED : Premises.OWNED, leased ? LocalDate.of(2027, 12, 31) : null,
                    List.of(ChildcareClassType.INFANT, ChildcareClassType.TODDLER, ChildcareClassType.OLDER_TODDLER,
                            ChildcareClassType.MIXED)));
        }
        list.add(provider("示例婴幼儿照护驿站", places.get(places.size() - 1), ChildcareProviderKind.COMMUNITY_POINT,
                false, null, OTHER_SLOTS, true, Premises.OWNED, null, List.of(ChildcareClassType.MIXED)));
        return list;
    }

    private static ProviderRecord provider(String name, String division, ChildcareProviderKind kind, boolean filed,
                                           LocalDate filedOn, int slots, boolean affordable, Premises premises,
                                           LocalDate leaseEndsOn, List<ChildcareClassType> pattern) {
        // completed two months before filing, in the same year, as the demo providers opened
        LocalDate completedOn = filedOn == null ? null : filedOn.minusMonths(2);
        return new ProviderRecord(0, name, division, kind, filed, filedOn, slots, affordable, premises, leaseEndsOn,
                completedOn, true, 0, classes(slots, pattern));
    }

    /** Classes filling exactly the approved slots, each within its type's national limit, types taken in turn. */
    static List<ChildcareClass> classes(int slots, List<ChildcareClassType> pattern) {
        List<ChildcareClass> classes = new ArrayList<>();
        int remaining = slots;
        for (int i = 0; remaining > 0; i++) {
            ChildcareClassType type = pattern.get(i % pattern.size());
            int capacity = Math.min(remaining, ChildcareClassRules.national().limit(type).maxChildren());
            classes.add(new ChildcareClass(0, type, capacity));
            remaining -= capacity;
        }
        return classes;
    }

    /**
     * Staff member {@code index} of {@code total}, spread over employers in proportion to their weights (beds, slots):
     * the employer whose cumulative weight range contains the index's share.
     */
    static int employerOf(int index, int total, int[] weights) {
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        long point = (long) index * sum / total;
        long cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (point < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String name(int index) {
        return "" + SURNAMES.charAt(index % SURNAMES.length()) + GIVEN.charAt((index / 3) % GIVEN.length())
                + GIVEN.charAt((index * 7 + 5) % GIVEN.length());
    }

    static Set<TalentTitle> titles(int index) {
        if (index % 50 == 7) {
            return EnumSet.of(TalentTitle.GREEN_VALLEY_TALENT);
        }
        return index % 40 == 3 ? EnumSet.of(TalentTitle.INDUSTRY_ELITE) : EnumSet.noneOf(TalentTitle.class);
    }
}
