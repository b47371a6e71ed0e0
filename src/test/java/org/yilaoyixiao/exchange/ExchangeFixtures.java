package org.yilaoyixiao.exchange;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** People with known ID numbers and feeds sent through the public API, for the data-exchange tests. */
public final class ExchangeFixtures {

    public static final String VILLAGE = "331121001901";
    public static final String OTHER_VILLAGE = "331121002901";

    private final MockMvc mvc;
    private final ObjectMapper json;

    public ExchangeFixtures(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public record Person(long id, String idNumber) {
    }

    public Person person(String name, LocalDate birth, boolean localHukou, String economicStatus) throws Exception {
        String idNumber = TestIdNumbers.next(birth);
        ResultActions created = admin(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content("""
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":%s,"economicStatus":"%s",
                 "livingSituation":[]}
                """.formatted(idNumber, name, VILLAGE, localHukou, economicStatus)));
        if (created.andReturn().getResponse().getStatus() != 201) {
            throw new AssertionError("person not created: " + text(created));
        }
        return new Person(body(created).get("id").asLong(), idNumber);
    }

    public ResultActions feed(String feed, String records) throws Exception {
        return admin(post("/api/v1/feeds/" + feed).contentType(MediaType.APPLICATION_JSON).content(records));
    }

    public ResultActions upload(String feed, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/feeds/" + feed)
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)).header("Accept-Language", "zh-CN"));
    }

    public JsonNode get(String path) throws Exception {
        return body(admin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)));
    }

    public ResultActions admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .header("Accept-Language", "zh-CN"));
    }

    public JsonNode body(ResultActions result) throws Exception {
        return json.readTree(text(result));
    }

    static String text(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Waits for something an event listener does after the feed's transaction commits. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    /** A page as the logged-in administrator sees it (pages use the login session, not basic auth). */
    public String page(String path) throws Exception {
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/login")
                        .param("username", PlatformTest.ADMIN).param("password", PlatformTest.ADMIN_PASSWORD)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andReturn().getRequest().getSession(false);
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .session(session).header("Accept-Language", "zh-CN")).andReturn().getResponse();
        if (result.getStatus() != 200) {
            throw new AssertionError(path + " answered " + result.getStatus());
        }
        return result.getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * A county bureau clerk to approve runs, named to sort after the other tests' accounts: the account list's first
     * page (50, by username) is what FirstJourneyBrowserTest reads its new township user from.
     */
    public String checker() throws Exception {
        String username = "zz-exchange-checker-" + System.nanoTime();
        admin(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"%s","password":"%s","displayName":"交换审批","roles":["BUREAU_STAFF"],
                 "divisionCode":"%s","bureau":"CIVIL_AFFAIRS"}
                """.formatted(username, org.yilaoyixiao.support.Accounts.INITIAL_PASSWORD, PlatformTest.COUNTY)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        mvc.perform(post("/api/v1/me/password").with(httpBasic(username,
                        org.yilaoyixiao.support.Accounts.INITIAL_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(
                                org.yilaoyixiao.support.Accounts.INITIAL_PASSWORD,
                                org.yilaoyixiao.support.Accounts.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
        return username;
    }
}
