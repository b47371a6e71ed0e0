package org.yilaoyixiao.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * A real HTTP client for an SMS gateway: {@code POST <url>} with {@code Authorization: Bearer <key>} and the JSON
 * {@code {"to","text","reference"}}; any 2xx is accepted. Operators point it at their provider's adapter.
 */
final class HttpSmsGateway implements SmsGateway {

    private final URI url;
    private final String key;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpSmsGateway(String url, String key, ObjectMapper json) {
        this.url = URI.create(url);
        this.key = key == null ? "" : key;
        this.json = json;
    }

    @Override
    public void send(String phone, String text, String reference) {
        String body = json.writeValueAsString(Map.of("to", phone, "text", text, "reference", reference));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed("SMS gateway answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryFailed("SMS gateway unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted");
        }
    }
}
