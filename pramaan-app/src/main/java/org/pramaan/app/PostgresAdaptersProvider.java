package org.pramaan.app;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.pramaan.adapters.Adapters;
import org.pramaan.adapters.AdaptersProvider;
import org.pramaan.adapters.StoreSettings;
import org.pramaan.store.postgres.PostgresSettings;
import org.pramaan.store.postgres.PostgresStore;

/**
 * {@code store=postgres} (issue 15): every repository on a shared PostgreSQL ({@code store.postgres.*}), blobs in
 * {@code data.dir}, with the FFmpeg decoders. In the app for the same reason as {@link EmbeddedAdaptersProvider}:
 * it joins the store module and media-ffmpeg.
 */
public final class PostgresAdaptersProvider implements AdaptersProvider {
    public static final String NAME = "postgres";

    /** For {@link java.util.ServiceLoader}. */
    public PostgresAdaptersProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Connects and migrates.
     *
     * @throws org.pramaan.store.postgres.PostgresUnavailableException naming the host and port, user or database
     */
    @Override
    public Adapters open(StoreSettings settings) throws IOException {
        return PostgresStore.open(postgres(settings), settings.dataDir(), EmbeddedAdaptersProvider.decoders());
    }

    /** Whether the database holds a Pramaan schema, without creating or migrating anything; false when unreachable. */
    @Override
    public boolean exists(StoreSettings settings) {
        PostgresSettings s = postgres(settings);
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", s.user());
        props.setProperty("password", s.password());
        props.setProperty(
                "connectTimeout", Long.toString(Math.max(1, s.connectTimeout().toSeconds())));
        try (Connection c = DriverManager.getConnection(s.url(), props);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('schema_version') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    static PostgresSettings postgres(StoreSettings settings) {
        String url = settings.option("url")
                .orElseThrow(() -> new IllegalArgumentException("store=postgres needs store.postgres.url"));
        String user = settings.option("user")
                .orElseThrow(() -> new IllegalArgumentException("store=postgres needs store.postgres.user"));
        int pool = settings.option("pool-size").map(Integer::parseInt).orElse(10);
        return new PostgresSettings(
                url, user, settings.options().getOrDefault("password", ""), pool, Duration.ofSeconds(5));
    }
}
