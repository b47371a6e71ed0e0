package org.yilaoyixiao.platform.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses, before any migration runs, a database that is not PostgreSQL 15 or newer: the schema relies on it, and
 * a clear message at start beats an obscure SQL error later.
 */
@Configuration(proxyBeanMethods = false)
class SupportedPostgres {

    static final int MINIMUM_VERSION_NUM = 150000;

    @Bean
    FlywayMigrationStrategy migrateOnSupportedPostgres() {
        return flyway -> {
            check(flyway);
            flyway.migrate();
        };
    }

    static void check(Flyway flyway) {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equalsIgnoreCase(product)) {
                throw new IllegalStateException("The platform needs PostgreSQL 15 or newer; the configured database is "
                        + product);
            }
            try (ResultSet version = statement.executeQuery("show server_version_num")) {
                version.next();
                int number = Integer.parseInt(version.getString(1).trim());
                if (number < MINIMUM_VERSION_NUM) {
                    throw new IllegalStateException("The platform needs PostgreSQL 15 or newer; the configured server is "
                            + connection.getMetaData().getDatabaseProductVersion());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to check its version: " + e.getMessage(), e);
        }
    }
}
