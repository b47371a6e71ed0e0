package org.yilaoyixiao.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP SMS client against a real local HTTP server: what it sends, and a refusal as a failure to retry. */
class HttpSmsGatewayTest {

    @Test
    void postsTheMessageWithTheKeyAndTreatsAnErrorAsNotDelivered() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        AtomicInteger answer = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            SmsGateway gateway = new HttpSmsGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
                    "secret-key", JsonMapper.builder().build());
            gateway.send("+393331234567", "【银龄卫士】测试", "guardian-alert:1");
            assertThat(bodies).singleElement().satisfies(b -> assertThat(b).contains("+393331234567")
                    .contains("【银龄卫士】测试").contains("guardian-alert:1"));
            assertThat(auth).containsExactly("Bearer secret-key");
            answer.set(503);
            assertThatThrownBy(() -> gateway.send("13900000000", "x", "r"))
                    .isInstanceOf(SmsGateway.DeliveryFailed.class).hasMessageContaining("503");
        } finally {
            server.stop(0);
        }
        SmsGateway unreachable = new HttpSmsGateway("http://127.0.0.1:9/sms", "k", JsonMapper.builder().build());
        assertThatThrownBy(() -> unreachable.send("13900000000", "x", "r")).isInstanceOf(SmsGateway.DeliveryFailed.class);
    }
}
