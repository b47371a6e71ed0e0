package org.yilaoyixiao.guardian.internal;

/** A reading as sent by a gateway over HTTP or MQTT, before it is checked. */
record RawReading(String deviceId, String type, String at, Long seq, Double lat, Double lon, Double value,
                  Double battery) {
}
