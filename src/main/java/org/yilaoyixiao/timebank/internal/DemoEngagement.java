package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.DemoPopulation;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * A modest demo so that the pages are not empty: up to {@value #VOLUNTEERS} synthetic people (born 1945–1975)
 * registered as volunteers of their village's 老年协会, one confirmed activity crediting some of them, and one course
 * with enrolments and attendance. Only synthetic people; loaded once, after the demo population, in the background;
 * nothing is added when any demo volunteer exists.
 */
@Component
class DemoEngagement {

    private static final Logger log = LoggerFactory.getLogger(DemoEngagement.class);
    static final int VOLUNTEERS = 24;
    private static final List<String> SKILLS = List.of("陪伴聊天", "书法", "理发", "家电维修", "剪纸", "健康讲座",
            "助餐配送", "智能手机教学");

    private final Engagement engagement;
    private final Education education;
    private final PersonDirectory persons;
    private final DemoPopulation population;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final String countyCode;

    DemoEngagement(Engagement engagement, Education education, PersonDirectory persons, DemoPopulation population,
                   JdbcClient jdbc, Clock clock, @Value("${yly.demo.enabled:true}") boolean enabled,
                   @Value("${yly.county-code}") String countyCode) {
        this.engagement = engagement;
        this.education = education;
        this.persons = persons;
        this.population = population;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
        this.countyCode = countyCode;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady() {
        if (!enabled) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                population.loaded().join();
                load();
            } catch (RuntimeException e) {
                log.warn("Demo engagement: not loaded ({})", e.toString());
            }
        }, "demo-engagement");
        worker.setDaemon(true);
        worker.start();
    }

    void load() {
        if (jdbc.sql("select count(*) from timebank.volunteer where consent_by = 'demo'").query(Long.class).single() > 0) {
            return;
        }
        CurrentUser demo = new CurrentUser(0, "demo", "demo", Set.of(Role.COUNTY_ADMIN), countyCode, null);
        List<PersonSummary> people = persons.syntheticPeopleBornBetween(LocalDate.of(1945, 1, 1),
                LocalDate.of(1975, 12, 31), VOLUNTEERS);
        if (people.isEmpty()) {
            return;
        }
        for (int i = 0; i < people.size(); i++) {
            PersonSummary p = people.get(i);
            engagement.register(new Engagement.Registration(p.id(), "老年协会", "ASSOCIATION",
                    List.of(SKILLS.get(i % SKILLS.size()), SKILLS.get((i + 3) % SKILLS.size())),
                    i % 3 == 0 ? "退休教师" : i % 3 == 1 ? "乡村医生" : "农民", "工作日上午", true, i % 5 != 4, null, null),
                    demo);
        }
        String village = people.get(0).residenceDivisionCode();
        LocalDate today = BusinessTime.today(clock);
        long activity = engagement.createActivity("重阳节敬老志愿服务", village, today.minusDays(3), "老年协会", demo).id();
        people.stream().filter(p -> p.residenceDivisionCode().equals(village)).limit(6)
                .forEach(p -> engagement.addParticipant(activity, p.id(), new BigDecimal("2.5"), demo));
        engagement.confirm(activity, demo);
        Education.Course course = education.create(new Education.CourseRequest("老年大学·智能手机应用", "OFFLINE",
                "村文化礼堂", village, "青田县老年大学", today.withDayOfYear(1), today.withDayOfYear(1).plusMonths(6)
                .isAfter(today) ? today : today.withDayOfYear(1).plusMonths(6), 8), demo);
        for (int i = 0; i < Math.min(10, people.size()); i++) {
            education.enrol(course.id(), people.get(i).id(), demo);
            for (int session = 1; session <= 2 + i % 7; session++) {
                education.attend(course.id(), people.get(i).id(), session, demo);
            }
        }
        log.info("Demo engagement: {} volunteers, 1 confirmed activity, 1 course", people.size());
    }
}
