/**
 * 养老管家 services: the service menu, butler teams and the order loop need → order → dispatch → service →
 * evaluation → supervision. Publishes {@link org.yilaoyixiao.services.ServiceOrderCompleted} and
 * {@link org.yilaoyixiao.services.ServiceOrderCancelled} for the modules that pay for services.
 */
package org.yilaoyixiao.services;
