/**
 * 银龄卫士 silver guardian: devices bound to elders, telemetry over HTTP and MQTT with every reading accounted for,
 * detectors (plain Java state machines keyed by elder, in {@code detection}) and alerts, one per incident.
 */
package org.yilaoyixiao.guardian;
