package org.yilaoyixiao.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;
import org.yilaoyixiao.support.PlatformTest;

/**
 * I02, I04 and I13 from the health feed, on a hand-worked example: the counts a village gains when people and their
 * health records arrive (deltas, since other tests register people in the same village). The sources are only beans
 * when a county turns them on, so the test builds them as the configuration does.
 */
@PlatformTest
class HealthFeedIndicatorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private static IndicatorCount count(IndicatorSource source, IndicatorPeriod period) {
        Map<String, IndicatorCount> counts = source.countByDivision(period);
        return counts.getOrDefault(ExchangeFixtures.VILLAGE, IndicatorCount.ZERO);
    }

    @Test
    void healthRecordsCountOnlyForThePeopleTheyReachedInTheYear() throws Exception {
        IndicatorSource i02 = org.yilaoyixiao.exchange.internal.HealthFeedIndicatorsProbe.source(jdbc, "I02");
        IndicatorSource i04 = org.yilaoyixiao.exchange.internal.HealthFeedIndicatorsProbe.source(jdbc, "I04");
        IndicatorSource i13 = org.yilaoyixiao.exchange.internal.HealthFeedIndicatorsProbe.source(jdbc, "I13");
        IndicatorPeriod period = new IndicatorPeriod(2026, LocalDate.of(2026, 11, 20));
        IndicatorCount elders = count(i02, period);
        IndicatorCount infants = count(i04, period);
        IndicatorCount newborns = count(i13, period);

        ExchangeFixtures fixtures = new ExchangeFixtures(mvc, json);
        ExchangeFixtures.Person managed = fixtures.person("健管老人", LocalDate.of(1950, 3, 1), true, "NONE");
        fixtures.person("未健管老人", LocalDate.of(1952, 3, 1), true, "NONE");
        fixtures.person("六十四岁", LocalDate.of(1962, 3, 1), true, "NONE");
        ExchangeFixtures.Person checked = fixtures.person("体检幼儿", LocalDate.of(2025, 2, 1), true, "NONE");
        ExchangeFixtures.Person visited = fixtures.person("访视新生儿", LocalDate.of(2026, 9, 1), true, "NONE");
        fixtures.person("未访视新生儿", LocalDate.of(2026, 10, 1), true, "NONE");
        fixtures.person("太新的新生儿", LocalDate.of(2026, 11, 10), true, "NONE");
        fixtures.feed("health", """
                [{"recordId":"hf-i02-1","type":"CHRONIC_ENROLMENT","idNumber":"%s","effectiveDate":"2026-04-01",
                  "condition":"高血压"},
                 {"recordId":"hf-i02-old","type":"CHRONIC_ENROLMENT","idNumber":"%s","effectiveDate":"2025-04-01",
                  "condition":"糖尿病"},
                 {"recordId":"hf-i04-1","type":"INFANT_HEALTH_CHECK","idNumber":"%s","effectiveDate":"2026-06-01"},
                 {"recordId":"hf-i13-1","type":"NEWBORN_VISIT","idNumber":"%s","effectiveDate":"2026-09-08"}]
                """.formatted(managed.idNumber(), managed.idNumber(), checked.idNumber(), visited.idNumber()))
                .andExpect(status().isAccepted());

        // 65 and over: two more, one of them managed this year (last year's record does not count)
        IndicatorCount eldersAfter = count(i02, period);
        assertThat(eldersAfter.denominator() - elders.denominator()).isEqualTo(2);
        assertThat(eldersAfter.numerator() - elders.numerator()).isEqualTo(1);
        // under three: the infant and the three newborns, one checked
        IndicatorCount infantsAfter = count(i04, period);
        assertThat(infantsAfter.denominator() - infants.denominator()).isEqualTo(4);
        assertThat(infantsAfter.numerator() - infants.numerator()).isEqualTo(1);
        // newborns of the year old enough for their visit by 20 November: two, one visited
        IndicatorCount newbornsAfter = count(i13, period);
        assertThat(newbornsAfter.denominator() - newborns.denominator()).isEqualTo(2);
        assertThat(newbornsAfter.numerator() - newborns.numerator()).isEqualTo(1);
    }
}
