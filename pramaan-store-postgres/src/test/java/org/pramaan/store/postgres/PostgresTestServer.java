package org.pramaan.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * One real PostgreSQL per test JVM (zonky's embedded binaries, started on first use, stopped at exit), and a schema
 * of its own for each test directory: a contract's {@code createRepository(dir)} gets an empty store, and opening the
 * same {@code dir} again (a restart) finds what was committed.
 */
final class PostgresTestServer {
    private static EmbeddedPostgres server;

    private PostgresTestServer() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Durability is not under test here: without fsync a contract's many small commits do not wait on the
                // disk.
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the data folder is temporary.
                }
            }));
        }
        return server;
    }

    /** Settings for the schema that belongs to {@code dir}, created empty the first time. */
    static PostgresSettings settingsFor(Path dir) {
        String schema = "t_" + digest(dir.toAbsolutePath().toString());
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return new PostgresSettings(url() + "?currentSchema=" + schema, "postgres", "");
    }

    /** The server's {@code postgres} database. */
    static String url() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
    }

    static PostgresStore open(Path dir) {
        try {
            return PostgresStore.open(settingsFor(dir), dir, org.pramaan.adapters.Decoders.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
