package org.yilaoyixiao.services.internal;

import java.math.BigDecimal;
import java.util.List;
import org.yilaoyixiao.services.ServiceCategory;

/** One item of the menu; price in yuan per unit. Availability: division codes whose subtrees may order it. */
record ServiceItem(long id, String code, ServiceCategory category, String name, String unit, BigDecimal price,
                   boolean active, boolean synthetic, List<String> availableIn) {
}
