package org.yilaoyixiao.timebank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.timebank.TimeBankFixtures;
import tools.jackson.databind.ObjectMapper;

/**
 * Hours expire {@code expiryMonths} after they were received if not spent, oldest first, once per date: on the day
 * the cutoff reaches today's credits nothing expires yet; a day later what is left of them does.
 */
@org.yilaoyixiao.support.PlatformTest
class TimeBankExpiryTest {

    @Autowired
    TimeBank timeBank;

    @Autowired
    TimeBankSettings settings;

    @Autowired
    java.time.Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void unspentHoursExpireAfterTheirTimeOnceAndNotBefore() throws Exception {
        TimeBankFixtures fx = new TimeBankFixtures(mvc, json);
        long person = fx.volunteer("过期甲", 66, PlacementFixtures.VILLAGE);
        fx.confirmedActivity("清理河道", PlacementFixtures.VILLAGE, person, "3");
        fx.send(post("/api/v1/timebank/spends"), """
                {"personId":%d,"hours":1,"divisionCode":"%s","note":"助洁","idempotencyKey":"%s"}
                """.formatted(person, PlacementFixtures.VILLAGE, TimeBankFixtures.key())).andExpect(status().isCreated());
        LocalDate today = BusinessTime.today(clock);
        LocalDate lastDayKept = today.plusMonths(settings.expiryMonths());
        assertThat(timeBank.expirePerson(person, lastDayKept, "test")).isEqualByComparingTo("0");
        assertThat(timeBank.balance(person)).isEqualByComparingTo("2");
        assertThat(timeBank.expirePerson(person, lastDayKept.plusDays(1), "test")).isEqualByComparingTo("2");
        assertThat(timeBank.expirePerson(person, lastDayKept.plusDays(1), "test")).isEqualByComparingTo("0");
        assertThat(timeBank.balance(person)).isEqualByComparingTo(BigDecimal.ZERO);
        TimeBank.Account account = timeBank.account(person);
        assertThat(account.earned()).isEqualByComparingTo("3");
        assertThat(account.spent()).isEqualByComparingTo("3");
        fx.send(post("/api/v1/timebank/expiry-runs"), "{\"asOf\":\"%s\"}".formatted(today.plusDays(1)))
                .andExpect(status().isBadRequest());
    }
}
