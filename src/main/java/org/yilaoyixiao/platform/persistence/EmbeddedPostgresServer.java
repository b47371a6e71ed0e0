package org.yilaoyixiao.platform.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server per JVM, leased by the Spring contexts that use it. Several contexts in one test JVM
 * share it; it stops when the last lease is returned. The JVM shutdown hook waits for the contexts to return their
 * leases first, so the server never disappears under a context that is still closing (which would leave the
 * connection pool waiting for a dead server).
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static EmbeddedPostgres server;
    private static Path serverDirectory;
    private static int leases;

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts the server if it is not running, and takes a lease on it. Return the lease with {@link #release()}.
     *
     * @param dataDirectory where the cluster lives; an existing cluster is reused so data survives restarts
     * @param ephemeral     whether to wipe the directory when starting (tests)
     * @param port          0 for any free port
     */
    public static synchronized EmbeddedPostgres acquire(Path dataDirectory, boolean ephemeral, int port) {
        if (server == null) {
            Path absolute = dataDirectory.toAbsolutePath();
            server = open(absolute, ephemeral, port);
            serverDirectory = absolute;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopWhenReleased,
                    "embedded-postgres-stop"));
        } else if (!dataDirectory.toAbsolutePath().equals(serverDirectory)) {
            log.warn("Embedded PostgreSQL already runs on {}; ignoring request for {}", serverDirectory, dataDirectory);
        }
        leases++;
        return server;
    }

    public static synchronized void release() {
        leases = Math.max(0, leases - 1);
        if (leases == 0) {
            stop();
        }
        EmbeddedPostgresServer.class.notifyAll();
    }

    /** Starts a server on a data directory; an existing cluster there is reused unless {@code ephemeral}. */
    static EmbeddedPostgres open(Path absolute, boolean ephemeral, int port) {
        try {
            Files.createDirectories(absolute);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(ephemeral)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C");
            if (!ephemeral) {
                // zonky starts PostgreSQL with fsync off, which is right for throw-away test data only
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
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

    private static synchronized void stopWhenReleased() {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (leases > 0 && System.nanoTime() < deadline) {
            try {
                EmbeddedPostgresServer.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    private static void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            server = null;
            serverDirectory = null;
        }
    }
}
