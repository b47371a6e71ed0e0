/**
 * Data exchange (数据交换): feeds in from household registration, social assistance, health and social insurance,
 * matched to people through the registry's blind index, applied once each and traceable to their source record, with
 * a review queue for what matched nobody; and the province platform (浙里康养) out, through an outbox. The effects on
 * other modules travel as the events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange 数据交换")
package org.yilaoyixiao.exchange;
