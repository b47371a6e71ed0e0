package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.services.NeedChannel;
import org.yilaoyixiao.services.ServiceCategory;
import org.yilaoyixiao.services.ServiceNeed;
import org.yilaoyixiao.services.ServiceNeeds;
import org.yilaoyixiao.visits.ServiceNeedRaised;

/**
 * A need found on a visit (助餐, 助浴, …) becomes an order in the services loop, after the visit commits, from the event
 * publication registry. Once per finding: the order is raised under the event's idempotency key, so a visit submitted
 * twice, a retried event or an offline draft sent again raise one order. The item is the menu's active item of the
 * need's category that is offered where the elder lives, home services first (the elder was found at home); a need
 * the menu cannot serve ("other", or nothing offered there) stays a finding on the visit and a warning says why.
 */
@Component
class VisitFindingOrders {

    private static final Logger log = LoggerFactory.getLogger(VisitFindingOrders.class);

    /** Within a category, the items a visitor most likely means, in order; any other active item comes after. */
    private static final Map<ServiceCategory, List<String>> PREFERRED = Map.of(
            ServiceCategory.MEALS, List.of("MEAL-DELIVERY", "MEAL-CANTEEN"),
            ServiceCategory.BATHING, List.of("BATH-HOME", "BATH-CENTRE"),
            ServiceCategory.CLEANING, List.of("CLEAN-HOME", "CLEAN-LAUNDRY"),
            ServiceCategory.MOBILITY, List.of("MOB-ESCORT", "MOB-TRANSFER"),
            ServiceCategory.MEDICAL, List.of("MED-CHECK", "MED-ESCORT", "MED-DRUGS"),
            ServiceCategory.EMERGENCY, List.of("EMG-CALL", "EMG-FALL"));

    private final ServiceNeeds needs;
    private final JdbcClient jdbc;

    VisitFindingOrders(ServiceNeeds needs, JdbcClient jdbc) {
        this.needs = needs;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ServiceNeedRaised need) {
        ServiceCategory category = category(need.service());
        if (category == null) {
            log.info("Visit {} found a need ({}) the service menu has no category for: no order", need.visitId(),
                    need.service());
            return;
        }
        if (jdbc.sql("select exists (select 1 from services.service_order where idempotency_key = :k)")
                .param("k", need.idempotencyKey()).query(Boolean.class).single()) {
            return; // raised before: the event was delivered again
        }
        String note = "探访发现" + (need.note() == null ? "" : "：" + need.note());
        if (note.length() > 500) {
            note = note.substring(0, 500);
        }
        for (String item : items(category)) {
            try {
                needs.raise(new ServiceNeed(need.personId(), item, null, NeedChannel.VISIT_FINDING,
                        need.idempotencyKey(), note, need.raisedBy()));
                return;
            } catch (ApiException e) {
                if (!"services.item.not-available".equals(e.detailKey())) {
                    log.warn("Visit {} raised no service order: {} {}", need.visitId(), e.detailKey(),
                            java.util.Arrays.toString(e.detailArgs()));
                    return;
                }
            }
        }
        log.warn("Visit {} found a {} need, but no active item of that category is offered where person {} lives",
                need.visitId(), category, need.personId());
    }

    private static ServiceCategory category(String service) {
        try {
            return service == null ? null : ServiceCategory.valueOf(service);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Active items of the category, preferred ones first. */
    private List<String> items(ServiceCategory category) {
        String[] preferred = PREFERRED.getOrDefault(category, List.of()).toArray(String[]::new);
        return jdbc.sql("""
                        select code from services.service_item where category = :category and active
                        order by coalesce(array_position(cast(:preferred as varchar[]), code::varchar), 1000), id
                        """).param("category", category.name()).param("preferred", preferred)
                .query(String.class).list();
    }
}
