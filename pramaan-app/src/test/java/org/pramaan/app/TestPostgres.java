package org.pramaan.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** A real PostgreSQL for a test class (zonky's embedded binaries), without durability, stopped when the JVM exits. */
final class TestPostgres {
    private TestPostgres() {}

    /** Durability is not under test: without fsync a test's many small commits do not wait on the disk. */
    static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
    }

    /**
     * Stops {@code pg} when the JVM exits rather than now: pg_ctl stop right after the test's pools closed was seen to
     * wait forever on PostgreSQL 18 (KafkaBankFeedTest).
     */
    static void stopAtExit(EmbeddedPostgres pg) {
        if (pg == null) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
    }
}
