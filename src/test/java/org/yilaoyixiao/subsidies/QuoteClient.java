package org.yilaoyixiao.subsidies;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;

/** Asks the quote API as the administrator. */
public final class QuoteClient {

    private final MockMvc mvc;
    private final ObjectMapper json;

    public QuoteClient(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public ResultActions ask(String body) throws Exception {
        return mvc.perform(post("/api/v1/subsidies/quotes").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN").content(body));
    }

    /** The quote for facts, as JSON; fails unless 200. */
    public JsonNode quote(String programme, String asOf, String facts) throws Exception {
        var result = ask("{\"programme\":\"%s\",\"asOf\":\"%s\",\"facts\":%s}".formatted(programme, asOf, facts))
                .andReturn().getResponse();
        String body = result.getContentAsString(StandardCharsets.UTF_8);
        if (result.getStatus() != 200) {
            throw new AssertionError("quote answered " + result.getStatus() + ": " + body);
        }
        return json.readTree(body);
    }

    public JsonNode quoteSubject(String programme, String asOf, long subjectId) throws Exception {
        var result = ask("{\"programme\":\"%s\",\"asOf\":\"%s\",\"subjectId\":%d}".formatted(programme, asOf, subjectId))
                .andReturn().getResponse();
        String body = result.getContentAsString(StandardCharsets.UTF_8);
        if (result.getStatus() != 200) {
            throw new AssertionError("quote answered " + result.getStatus() + ": " + body);
        }
        return json.readTree(body);
    }

    public static BigDecimal amount(JsonNode quote) {
        return quote.get("amount").decimalValue();
    }
}
