package org.yilaoyixiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The 一老一小 county platform: one modular monolith whose top-level packages are the plan's capabilities.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YilaoyixiaoApplication {

    public static void main(String[] args) {
        SpringApplication.run(YilaoyixiaoApplication.class, args);
    }
}
