package org.yilaoyixiao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform on the embedded PostgreSQL, on a random port, with MockMvc and a movable clock. Every test that
 * uses this shares one application context (and one database), so tests create their own uniquely named data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public @interface PlatformTest {

    String ADMIN = "admin";
    String ADMIN_PASSWORD = "Qt-Test-Pass-2026!";
    String COUNTY = "331121";
    String HECHENG = "331121001";
    String OUNAN = "331121002";
}
