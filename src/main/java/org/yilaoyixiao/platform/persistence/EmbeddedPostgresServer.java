package org.yilaoyixiao.platform.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server per JVM. Several Spring contexts in one test JVM share it, so it is started at most
 * once and stopped when the JVM exits.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;
    private static Path serverDirectory;

    private EmbeddedPostgresServer() {
    }

    /**
     * @param dataDirectory where the cluster lives; an existing cluster is reused so data survives restarts
     * @param ephemeral     whether to wipe the directory when starting (tests)
     * @param port          0 for any free port
     */
    public static synchronized EmbeddedPostgres start(Path dataDirectory, boolean ephemeral, int port) {
        if (server != null) {
            if (!dataDirectory.toAbsolutePath().equals(serverDirectory)) {
                log.warn("Embedded PostgreSQL already runs on {}; ignoring request for {}", serverDirectory, dataDirectory);
            }
            return server;
        }
        Path absolute = dataDirectory.toAbsolutePath();
        server = open(absolute, ephemeral, port);
        serverDirectory = absolute;
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop, "embedded-postgres-stop"));
        return server;
    }

    /** Starts a server on a data directory; an existing cluster there is reused unless {@code ephemeral}. */
    static EmbeddedPostgres open(Path absolute, boolean ephemeral, int port) {
        try {
            Files.createDirectories(absolute);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(ephemeral)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C");
            if (port > 0) {
                builder.setPort(port);
            }
            long startedAt = System.nanoTime();
            EmbeddedPostgres started = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", started.getPort(), absolute,
                    (System.nanoTime() - startedAt) / 1_000_000);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + absolute
                    + " (is another instance using it, or is the directory not writable?)", e);
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            server = null;
        }
    }
}
