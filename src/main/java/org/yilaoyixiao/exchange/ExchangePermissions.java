package org.yilaoyixiao.exchange;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/**
 * Who may load feeds, resolve the review queue and see the province deliveries. Feeds come from county bureaus and
 * carry the whole county's people, so these are county-level permissions.
 */
@Component
public class ExchangePermissions implements PermissionCatalog {

    public static final String FEED = "exchange.feeds.load";
    public static final String REVIEW = "exchange.review.resolve";
    public static final String DELIVERIES = "exchange.deliveries.read";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(FEED, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(REVIEW, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(DELIVERIES, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.AUDITOR));
    }
}
