package org.yilaoyixiao.services.internal;

import org.yilaoyixiao.platform.demo.DemoData;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.services.ServiceCategory;

/**
 * A demo service menu (SYNTHETIC: the items are typical of Zhejiang home-care menus, the prices are made-up demo
 * values, not Qingtian's tariff), the providers that offer it — the demo institutions and care centres, one butler
 * team per township covering its villages (no members: members are BUTLER accounts an administrator adds), the
 * 爱心大篷车 caravan — and two basic butler packages. Loaded once, after the demo facilities, when the menu is empty;
 * same demo rule as the facilities.
 */
@Component
@Order(30)
class DemoServices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoServices.class);

    record Item(String code, ServiceCategory category, String name, String unit, String price) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("MEAL-CANTEEN", ServiceCategory.MEALS, "老年食堂堂食午餐", "份", "10.00"),
            new Item("MEAL-DELIVERY", ServiceCategory.MEALS, "送餐上门", "份", "15.00"),
            new Item("BATH-HOME", ServiceCategory.BATHING, "上门助浴", "次", "80.00"),
            new Item("BATH-CENTRE", ServiceCategory.BATHING, "机构（中心）助浴", "次", "40.00"),
            new Item("CLEAN-HOME", ServiceCategory.CLEANING, "居家保洁", "小时", "35.00"),
            new Item("CLEAN-LAUNDRY", ServiceCategory.CLEANING, "衣物被褥清洗", "次", "20.00"),
            new Item("MOB-ESCORT", ServiceCategory.MOBILITY, "陪同出行", "小时", "30.00"),
            new Item("MOB-TRANSFER", ServiceCategory.MOBILITY, "轮椅接送", "次", "25.00"),
            new Item("MED-CHECK", ServiceCategory.MEDICAL, "上门健康监测（血压血糖）", "次", "20.00"),
            new Item("MED-ESCORT", ServiceCategory.MEDICAL, "陪同就医", "次", "50.00"),
            new Item("MED-DRUGS", ServiceCategory.MEDICAL, "代购代配药品", "次", "10.00"),
            new Item("EMG-CALL", ServiceCategory.EMERGENCY, "紧急呼叫上门响应", "次", "30.00"),
            new Item("EMG-FALL", ServiceCategory.EMERGENCY, "跌倒等意外上门处置", "次", "50.00"));

    /** Home bathing needs the caravan's bath van or a trained team: only the four 街道 and some mountain townships. */
    static final Set<String> HOME_BATH_TOWNSHIPS = Set.of("331121001", "331121002", "331121003", "331121004",
            "331121106", "331121107", "331121109", "331121110", "331121200");

    private final boolean enabled;
    private final String countyCode;
    private final MenuRepository menu;
    private final TeamRepository teams;
    private final PublishedViews views;
    private final FacilityDirectory facilities;
    private final DivisionDirectory divisions;
    private final TransactionTemplate transactions;

    DemoServices(@Value("${yly.demo.enabled:true}") boolean demoEnabled, @Value("${yly.demo.scale:}") String scale,
                 @Value("${spring.datasource.url:}") String externalDatabaseUrl,
                 @Value("${yly.county-code}") String countyCode, MenuRepository menu, TeamRepository teams,
                 PublishedViews views, FacilityDirectory facilities, DivisionDirectory divisions,
                 TransactionTemplate transactions) {
        this.enabled = DemoData.wanted(demoEnabled, scale, externalDatabaseUrl);
        this.countyCode = countyCode;
        this.menu = menu;
        this.teams = teams;
        this.views = views;
        this.facilities = facilities;
        this.divisions = divisions;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (!menu.anyItems()) {
            transactions.executeWithoutResult(status -> load());
        }
        transactions.executeWithoutResult(status -> staff());
    }

    /** Skills of the demo butlers, in turn: each team can clean, check health and answer calls; some help to walk. */
    static final List<List<ServiceCategory>> DEMO_SKILLS = List.of(
            List.of(ServiceCategory.CLEANING, ServiceCategory.MEDICAL, ServiceCategory.EMERGENCY, ServiceCategory.MEALS),
            List.of(ServiceCategory.MOBILITY, ServiceCategory.MEDICAL, ServiceCategory.CLEANING,
                    ServiceCategory.EMERGENCY));

    /**
     * Gives each demo team without members the butler accounts of its township that are in no team yet (the demo's
     * own butlers, or ones an administrator made), so that a dispatch in the demo reaches people. Teams someone has
     * staffed, or emptied on purpose after that, are left alone: only teams that never had a member are filled.
     */
    private void staff() {
        int added = 0;
        for (TeamRepository.Team team : teams.teamsIn(divisions.subtreeCodes(countyCode))) {
            if (!team.synthetic() || !team.members().isEmpty() || teams.everStaffed(team.id())) {
                continue;
            }
            List<PublishedViews.UserAccount> butlers = views.butlersIn(divisions.subtreeCodes(team.townshipCode()));
            java.util.Set<String> taken = butlers.isEmpty() ? Set.of()
                    : teams.inAnyTeam(butlers.stream().map(PublishedViews.UserAccount::username).toList());
            int k = 0;
            for (PublishedViews.UserAccount butler : butlers) {
                if (taken.contains(butler.username())) {
                    continue;
                }
                teams.putMember(team.id(), butler.username(), butler.displayName(),
                        DEMO_SKILLS.get(k++ % DEMO_SKILLS.size()), null);
                added++;
            }
        }
        if (added > 0) {
            log.info("Demo butler teams: {} butlers put into their township's team", added);
        }
    }

    private void load() {
        Map<String, Long> items = new HashMap<>();
        Map<ServiceCategory, List<Long>> byCategory = new HashMap<>();
        for (Item item : ITEMS) {
            long id = menu.insertItem(item.code(), item.category(), item.name(), item.unit(),
                    new BigDecimal(item.price()), true);
            items.put(item.code(), id);
            byCategory.computeIfAbsent(item.category(), c -> new java.util.ArrayList<>()).add(id);
            if (item.code().equals("BATH-HOME")) {
                HOME_BATH_TOWNSHIPS.forEach(t -> menu.makeAvailable(id, t));
            } else {
                menu.makeAvailable(id, countyCode);
            }
        }
        for (InstitutionSummary home : facilities.syntheticInstitutions()) {
            long provider = menu.insertProvider("INSTITUTION", home.name(), home.divisionCode(), home.id(), null, true);
            for (String code : List.of("MEAL-DELIVERY", "BATH-CENTRE", "MED-CHECK", "MED-ESCORT", "EMG-FALL")) {
                menu.offer(provider, items.get(code));
            }
        }
        int centres = 0;
        for (PublishedViews.CareCentre centre : views.syntheticCareCentres()) {
            long provider = menu.insertProvider("CARE_CENTRE", centre.name(), centre.divisionCode(), centre.id(), null,
                    true);
            centres++;
            for (String service : centre.services()) {
                ServiceCategory category = ServiceCategory.valueOf(service);
                byCategory.getOrDefault(category, List.of()).stream()
                        .filter(id -> !id.equals(items.get("BATH-HOME")))
                        .forEach(id -> menu.offer(provider, id));
            }
        }
        int teamCount = 0;
        for (Division township : divisions.children(countyCode)) {
            if (township.level() != DivisionLevel.TOWNSHIP) {
                continue;
            }
            long team = teams.insertTeam(township.name() + "养老管家服务队", township.code(), true);
            divisions.children(township.code()).forEach(v -> teams.cover(team, v.code()));
            long provider = menu.insertProvider("BUTLER_TEAM", township.name() + "养老管家服务队", township.code(), null,
                    team, true);
            for (String code : List.of("CLEAN-HOME", "CLEAN-LAUNDRY", "MOB-ESCORT", "MED-CHECK", "MED-DRUGS",
                    "EMG-CALL", "EMG-FALL", "MEAL-DELIVERY")) {
                menu.offer(provider, items.get(code));
            }
            teamCount++;
        }
        long caravan = menu.insertProvider("CARAVAN", "爱心大篷车", countyCode, null, null, true);
        for (String code : List.of("BATH-HOME", "MED-CHECK", "CLEAN-LAUNDRY", "MOB-TRANSFER")) {
            menu.offer(caravan, items.get(code));
        }
        long basic = menu.insertPackage("BASIC-BUTLER", "基础管家服务包（每月）", new BigDecimal("200.00"), true);
        menu.packageItem(basic, items.get("MED-CHECK"), 4);
        menu.packageItem(basic, items.get("CLEAN-HOME"), 2);
        menu.packageItem(basic, items.get("EMG-CALL"), 1);
        long care = menu.insertPackage("CARE-BUTLER", "失能老人照护管家服务包（每月）", new BigDecimal("480.00"), true);
        menu.packageItem(care, items.get("BATH-HOME"), 2);
        menu.packageItem(care, items.get("CLEAN-HOME"), 4);
        menu.packageItem(care, items.get("MED-CHECK"), 4);
        menu.packageItem(care, items.get("MEAL-DELIVERY"), 20);
        log.info("Demo service menu: {} items (demo prices), {} care-centre providers, {} butler teams, the caravan",
                ITEMS.size(), centres, teamCount);
    }
}
