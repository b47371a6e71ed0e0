package org.yilaoyixiao.funds;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Institutions with custody accounts, statements and pushes, through the public API. */
public final class FundsFixtures {

    /** The institution's operating account every fixture statement pays its normal outflows to. */
    public static final String OPERATING = "6222000000000001";
    private static final AtomicLong ACCOUNT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final PlacementFixtures placement;

    public FundsFixtures(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
        this.placement = new PlacementFixtures(mvc, json);
    }

    public PlacementFixtures placement() {
        return placement;
    }

    /** A new institution with a custody account (designated: the operating account); returns the account id. */
    public long account(String name, String ratio) throws Exception {
        long institution = placement.institution(name, 10, 10);
        return placement.id(placement.send(post("/api/v1/custody-accounts"), """
                {"institutionId":%d,"bank":"中国农业银行青田支行","accountNumber":"%s","minimumRatio":%s,
                 "designatedAccounts":[{"accountNumber":"%s","label":"基本户"}]}
                """.formatted(institution, "62284800" + String.format("%010d", ACCOUNT.incrementAndGet()), ratio,
                OPERATING)));
    }

    public ResultActions obligation(long account, String kind, String amount) throws Exception {
        long person = placement.elder("预收老人" + ACCOUNT.incrementAndGet());
        return placement.send(post("/api/v1/custody-accounts/" + account + "/obligations"), """
                {"personId":%d,"kind":"%s","amount":%s,"refundSchedule":[{"due":"2027-01-31","amount":1000.00}]}
                """.formatted(person, kind, amount));
    }

    public ResultActions importStatement(long account, String fixture, String user, String password)
            throws Exception {
        byte[] content;
        try (InputStream in = FundsFixtures.class.getResourceAsStream("/funds/" + fixture)) {
            content = in.readAllBytes();
        }
        return importBytes(account, fixture, content, user, password);
    }

    public ResultActions importBytes(long account, String fileName, byte[] content, String user, String password)
            throws Exception {
        return mvc.perform(multipart("/api/v1/custody-accounts/" + account + "/statements")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(httpBasic(user, password)).header("Accept-Language", "zh-CN"));
    }

    public ResultActions importStatement(long account, String fixture) throws Exception {
        return importStatement(account, fixture, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
    }

    public ResultActions push(long account, String movementsJson) throws Exception {
        return placement.send(post("/api/v1/custody-accounts/" + account + "/transactions"), movementsJson);
    }

    public JsonNode account(long id) throws Exception {
        return placement.body(placement.get("/api/v1/custody-accounts/" + id));
    }

    public JsonNode alerts(long account) throws Exception {
        return placement.body(placement.get("/api/v1/fund-alerts?accountId=" + account));
    }

    public ResultActions as(String user, String password, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                            String body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN").content(body == null ? "" : body));
    }

    public ResultActions getAs(String user, String password, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, password)).header("Accept-Language", "zh-CN"));
    }

    /** The confirmation of the hold's release preview, as the official who will release it sees it. */
    public String releaseConfirmation(long account, String user, String password) throws Exception {
        return json.readTree(getAs(user, password, "/api/v1/custody-accounts/" + account + "/release-preview")
                .andReturn().getResponse().getContentAsByteArray()).get("confirmation").asString();
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FundsFixtures.class.getResourceAsStream("/funds/" + name)) {
            return in.readAllBytes();
        }
    }
}
