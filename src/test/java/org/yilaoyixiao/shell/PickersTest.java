package org.yilaoyixiao.shell;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.ObjectMapper;

/**
 * The four pickers: what they offer to whom. People are found by the start of the name, a full ID number (answered
 * masked) or a telephone number, within the scope, children only for those who may see them; divisions within the
 * scope with their path; users within the scope; facilities county-wide.
 */
@PlatformTest
class PickersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void peopleAreFoundByNameIdNumberOrPhoneWithinTheScopeAndChildrenOnlyForThoseWhoMaySeeThem() throws Exception {
        PlacementFixtures fx = new PlacementFixtures(mvc, json);
        String surname = "选" + (System.nanoTime() % 100000);
        String elderId = TestIdNumbers.nextElder();
        long elder = fx.person(surname + "阿婆", elderId);
        fx.child(surname + "宝宝", LocalDate.now().minusMonths(14));
        MockHttpSession clerk = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG), Accounts.PASSWORD);
        mvc.perform(get("/persons/pick").param("term", surname).session(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(surname + "阿婆"), containsString(surname + "宝宝"),
                        containsString("data-pick-value=\"" + elder + "\""), containsString("鹤城"))));
        mvc.perform(get("/persons/pick").param("term", surname).param("category", "ELDER").session(clerk))
                .andExpect(content().string(allOf(containsString(surname + "阿婆"),
                        not(containsString(surname + "宝宝")))));
        // the full number finds the person and is answered masked
        mvc.perform(get("/persons/pick").param("term", elderId).session(clerk))
                .andExpect(content().string(allOf(containsString(surname + "阿婆"), not(containsString(elderId)),
                        containsString(elderId.substring(0, 6) + "********"))));
        // a butler may not see children
        MockHttpSession butler = login(Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG), Accounts.PASSWORD);
        mvc.perform(get("/persons/pick").param("term", surname).session(butler))
                .andExpect(content().string(allOf(containsString(surname + "阿婆"),
                        not(containsString(surname + "宝宝")))));
        // another township's clerk finds nobody, and is told so in Chinese
        MockHttpSession other = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN), Accounts.PASSWORD);
        mvc.perform(get("/persons/pick").param("term", surname).session(other))
                .andExpect(content().string(allOf(not(containsString(surname + "阿婆")), containsString("没有找到"))));
    }

    @Test
    void aPhoneNumberFindsThePerson() throws Exception {
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        String name = "电" + (System.nanoTime() % 100000) + "爷爷";
        new PlacementFixtures(mvc, json).send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","phone":"%s","residenceDivisionCode":"%s","localHukou":true,
                 "livingSituation":[]}
                """.formatted(TestIdNumbers.nextElder(), name, phone, PlacementFixtures.VILLAGE))
                .andExpect(status().isCreated());
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(get("/persons/pick").param("term", phone.substring(0, 3) + " " + phone.substring(3, 7) + " "
                        + phone.substring(7)).session(admin))
                .andExpect(content().string(containsString(name)));
    }

    @Test
    void divisionsAreOfferedWithinTheScopeWithTheirPath() throws Exception {
        MockHttpSession clerk = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG), Accounts.PASSWORD);
        mvc.perform(get("/divisions/pick").param("term", "社区").param("level", "VILLAGE").session(clerk))
                .andExpect(content().string(allOf(containsString("鹤城一社区"), containsString("鹤城街道 › 鹤城一社区"),
                        not(containsString("瓯南")))));
        mvc.perform(get("/divisions/pick").param("term", "瓯南").session(clerk))
                .andExpect(content().string(allOf(not(containsString("data-pick-value")), containsString("没有找到"))));
    }

    @Test
    void usersAreOfferedWithinTheScopeAndNotToButlers() throws Exception {
        String butler = Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG);
        String foreignButler = Accounts.create(mvc, "BUTLER", PlatformTest.OUNAN);
        MockHttpSession clerk = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG), Accounts.PASSWORD);
        mvc.perform(get("/users/pick").param("term", butler).param("role", "BUTLER").session(clerk))
                .andExpect(content().string(allOf(containsString("data-pick-value=\"" + butler + "\""),
                        containsString("养老管家"), not(containsString(foreignButler)))));
        // a butler of another township is not offered even when searched for by login name
        mvc.perform(get("/users/pick").param("term", foreignButler).param("role", "BUTLER").session(clerk))
                .andExpect(content().string(allOf(not(containsString(foreignButler)), containsString("没有找到"))));
        mvc.perform(get("/users/pick").param("term", "测试").session(login(butler, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void facilitiesAreOfferedCountyWide() throws Exception {
        long institution = new PlacementFixtures(mvc, json).institution("选机构颐养院" + System.nanoTime() % 1000, 5, 5);
        MockHttpSession clerk = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN), Accounts.PASSWORD);
        mvc.perform(get("/facilities/pick").param("kind", "INSTITUTION").param("term", "选机构").session(clerk))
                .andExpect(content().string(allOf(containsString("data-pick-value=\"" + institution + "\""),
                        containsString("鹤城街道"))));
        mvc.perform(get("/facilities/pick").param("kind", "NOPE").param("term", "选").session(clerk))
                .andExpect(status().isBadRequest());
    }
}
