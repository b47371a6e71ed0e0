package org.yilaoyixiao.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;

/** The documented sample files load as documented: every record accepted except the one malformed row. */
@PlatformTest
class SampleFeedsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private static final Path DOCS = Path.of("docs/operations");

    @Test
    void theSampleFilesLoad() throws Exception {
        ExchangeFixtures fixtures = new ExchangeFixtures(mvc, json);
        JsonNode household = fixtures.body(fixtures.upload("household", "data-exchange-household-sample.csv",
                Files.readAllBytes(DOCS.resolve("data-exchange-household-sample.csv")))
                .andExpect(status().isAccepted()));
        assertThat(household.get("rejected").size()).isEqualTo(1);
        assertThat(household.get("rejected").get(0).get("index").asInt()).isEqualTo(3);
        assertThat(household.get("rejected").get(0).get("code").asString()).isEqualTo("exchange.reject.id-number");
        assertThat(household.get("accepted").asInt() + household.get("duplicates").asInt()).isEqualTo(3);

        JsonNode assistance = fixtures.body(fixtures.upload("assistance", "data-exchange-assistance-sample.csv",
                Files.readAllBytes(DOCS.resolve("data-exchange-assistance-sample.csv"))));
        assertThat(assistance.get("rejected").size()).isZero();
        JsonNode insurance = fixtures.body(fixtures.upload("insurance", "data-exchange-insurance-sample.csv",
                Files.readAllBytes(DOCS.resolve("data-exchange-insurance-sample.csv"))));
        assertThat(insurance.get("rejected").size()).isZero();
        JsonNode health = fixtures.body(fixtures.feed("health", Files.readString(
                DOCS.resolve("data-exchange-health-sample.json"), StandardCharsets.UTF_8)));
        assertThat(health.get("rejected").size()).isZero();
        assertThat(health.get("accepted").asInt() + health.get("duplicates").asInt()).isEqualTo(4);
    }
}
