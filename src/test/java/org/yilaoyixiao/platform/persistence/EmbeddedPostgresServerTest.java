package org.yilaoyixiao.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation's data directory keeps its data across restarts, and is written durably. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void dataSurvivesARestartOfTheServer() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgresServer.open(dataDirectory, false, 0);
             Connection connection = first.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (name text)");
            statement.execute("insert into kept values ('青田县')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgresServer.open(dataDirectory, false, 0);
             Connection connection = second.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select name from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("青田县");
            }
            try (ResultSet fsync = statement.executeQuery("show fsync")) {
                fsync.next();
                assertThat(fsync.getString(1)).isEqualTo("on");
            }
            try (ResultSet version = statement.executeQuery("show server_version_num")) {
                version.next();
                assertThat(Integer.parseInt(version.getString(1))).isGreaterThanOrEqualTo(150000);
            }
        }
    }
}
