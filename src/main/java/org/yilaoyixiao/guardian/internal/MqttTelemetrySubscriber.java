package org.yilaoyixiao.guardian.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Subscribes to {@code yly/telemetry/{deviceId}} when {@code yly.guardian.mqtt.broker-url} is set, and feeds each
 * message (one reading or an array, the same JSON as the HTTP endpoint) into the same ingestion path. The topic names
 * the device: a reading without a deviceId takes it from the topic, one naming another device is rejected. QoS 1 with
 * a persistent session: the broker redelivers what was not acknowledged, and the duplicate check (device + seq) makes
 * redelivery harmless. A message that cannot be parsed is logged and counted as rejected; the stream goes on.
 */
@Component
class MqttTelemetrySubscriber implements SmartLifecycle {

    static final String TOPIC = "yly/telemetry/+";
    private static final Logger log = LoggerFactory.getLogger(MqttTelemetrySubscriber.class);

    private final GuardianSettings.Mqtt settings;
    private final TelemetryIngestion ingestion;
    private final ObjectMapper json;
    private volatile MqttClient client;
    /** True once the broker acknowledged the subscription of the current connection; false when it is lost. */
    private volatile boolean subscribed;

    MqttTelemetrySubscriber(GuardianSettings settings, TelemetryIngestion ingestion, ObjectMapper json) {
        this.settings = settings.mqttOrNone();
        this.ingestion = ingestion;
        this.json = json;
    }

    @Override
    public void start() {
        if (settings.brokerUrl() == null || settings.brokerUrl().isBlank()) {
            return;
        }
        try {
            String clientId = settings.clientId() == null || settings.clientId().isBlank() ? "yly-guardian"
                    : settings.clientId();
            MqttClient mqtt = new MqttClient(settings.brokerUrl(), clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setAutomaticReconnect(true);
            options.setCleanSession(false);
            if (settings.username() != null && !settings.username().isBlank()) {
                options.setUserName(settings.username());
                options.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
            }
            mqtt.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    try {
                        mqtt.subscribe(TOPIC, 1);
                        subscribed = true;
                        log.info("Guardian: subscribed to {} on {}{}", TOPIC, serverUri, reconnect ? " (again)" : "");
                    } catch (MqttException e) {
                        log.warn("Guardian: cannot subscribe to {}: {}", TOPIC, e.getMessage());
                    }
                }

                @Override
                public void connectionLost(Throwable cause) {
                    subscribed = false;
                    log.warn("Guardian: MQTT connection lost ({}); reconnecting", cause.getMessage());
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    handle(topic, message.getPayload());
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            mqtt.connect(options);
            client = mqtt;
        } catch (MqttException e) {
            // the platform runs without MQTT rather than not at all; HTTP ingestion is unaffected
            log.error("Guardian: cannot connect to MQTT broker {}: {}", settings.brokerUrl(), e.getMessage());
        }
    }

    /** One message: parsed, device id reconciled with the topic, ingested; never throws into the MQTT client. */
    void handle(String topic, byte[] payload) {
        String topicDevice = topic.substring(topic.lastIndexOf('/') + 1);
        List<RawReading> readings;
        try {
            JsonNode node = json.readTree(new String(payload, StandardCharsets.UTF_8));
            List<JsonNode> items = node.isArray() ? node.valueStream().toList() : List.of(node);
            readings = items.stream().map(item -> reading(item, topicDevice)).toList();
        } catch (RuntimeException e) {
            log.warn("Guardian: unreadable MQTT message on {} ({} bytes) rejected", topic, payload.length);
            ingestion.ingest(TelemetryIngestion.Channel.MQTT, null, java.util.Collections.singletonList(null));
            return;
        }
        try {
            ingestion.ingest(TelemetryIngestion.Channel.MQTT, null, readings);
        } catch (RuntimeException e) {
            log.error("Guardian: MQTT batch on {} not stored, the broker will redeliver it: {}", topic, e.toString());
            throw e;
        }
    }

    private RawReading reading(JsonNode item, String topicDevice) {
        String deviceId = text(item, "deviceId");
        if (deviceId == null) {
            deviceId = topicDevice;
        } else if (!deviceId.equals(topicDevice)) {
            deviceId = "!" + deviceId + " on topic of " + topicDevice;
        }
        return new RawReading(deviceId.length() > 64 ? null : deviceId, text(item, "type"), text(item, "at"),
                item.hasNonNull("seq") ? item.get("seq").asLong() : null, number(item, "lat"), number(item, "lon"),
                number(item, "value"), number(item, "battery"));
    }

    private static String text(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asString() : null;
    }

    private static Double number(JsonNode item, String field) {
        return item.hasNonNull(field) && item.get(field).isNumber() ? item.get(field).asDouble() : null;
    }

    @Override
    public void stop() {
        MqttClient mqtt = client;
        client = null;
        if (mqtt != null) {
            try {
                mqtt.disconnect(2000);
                mqtt.close();
            } catch (MqttException e) {
                log.warn("Guardian: MQTT disconnect: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    /**
     * Connected and subscribed: a broker may drop a subscription sent right after connecting (moquette does when the
     * SUBSCRIBE overtakes its own handling of the CONNECT), and only the reconnection's subscription then counts.
     */
    boolean connected() {
        MqttClient mqtt = client;
        return mqtt != null && mqtt.isConnected() && subscribed;
    }
}
