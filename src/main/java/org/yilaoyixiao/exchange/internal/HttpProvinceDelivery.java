package org.yilaoyixiao.exchange.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs a payload to {@code <url>/<kind>} with an {@code Idempotency-Key} header: a payload whose answer was lost and
 * is sent again carries the same key, so the province can drop the repeat (docs/operations/province-exchange.md).
 * Any 2xx is accepted; anything else, or no answer, is a failure to retry.
 */
class HttpProvinceDelivery implements ProvinceDelivery {

    private final String url;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpProvinceDelivery(String url, String token) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
    }

    @Override
    public void deliver(String kind, String idempotencyKey, String payload) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/" + kind.toLowerCase()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new Failed("province answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new Failed("province unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }
}
