package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.adapters.AdapterRegistry;
import org.pramaan.adapters.Adapters;
import org.pramaan.adapters.AdaptersProvider;

/** The composition seam (issue 12 item 5): the {@code store} key chooses the {@link Adapters} through the ServiceLoader registry. */
class StoreSelectionTest {
    @TempDir
    Path dir;

    private PramaanConfig config(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PRAMAAN_DATA_DIR", dir.resolve("data").toString());
        return PramaanConfig.load(all, new Properties());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "s3"})
    void scaledStoresAreRefusedAtStartUpNamingKeyValueAndThatTheAdapterIsNotBuilt(String kind) {
        assertThatThrownBy(() -> config(Map.of("PRAMAAN_STORE", kind)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configuration store='" + kind + "'")
                .hasMessageContaining("environment variable PRAMAAN_STORE")
                .hasMessageContaining("the " + kind + " adapter, which is not built yet")
                .hasMessageContaining("available: embedded, postgres");
    }

    @Test
    void aSystemPropertyNamesItsOriginAndAnUnknownKindIsNotCalledPlanned() {
        Properties sys = new Properties();
        sys.setProperty("pramaan.store", "mongo");
        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_DATA_DIR", dir.toString()), sys))
                .hasMessageContaining(
                        "configuration store='mongo' (from system property pramaan.store) names no store adapter; available: embedded, postgres")
                .hasMessageNotContaining("not built yet");
    }

    @Test
    void theDefaultStoreIsEmbedded() {
        PramaanConfig c = config(Map.of());
        assertThat(c.storage().store()).isEqualTo("embedded");
        assertThat(c.storage().settings().kind()).isEqualTo("embedded");
        assertThat(PramaanConfig.KEYS.get("store")[0]).isEqualTo("embedded");
        assertThat(PramaanConfig.envName("store")).isEqualTo("PRAMAAN_STORE");
    }

    @Test
    void theServiceLoaderFindsTheEmbeddedProvider() {
        assertThat(ServiceLoader.load(AdaptersProvider.class).stream().map(ServiceLoader.Provider::type))
                .as("META-INF/services entry of pramaan-app")
                .contains(EmbeddedAdaptersProvider.class);
        AdapterRegistry installed = AdapterRegistry.installed();
        assertThat(installed.names()).containsExactly("embedded", "postgres");
        assertThat(installed.provider("embedded")).isInstanceOf(EmbeddedAdaptersProvider.class);
    }

    @Test
    void theEmbeddedProviderOpensTheStoreWithTheFfmpegDecodersAndReleasesItOnClose() throws Exception {
        PramaanConfig c = config(Map.of("PRAMAAN_STORE", "embedded"));
        AdaptersProvider embedded =
                AdapterRegistry.installed().provider(c.storage().store());
        assertThat(embedded.exists(c.storage().settings()))
                .as("nothing is created before open")
                .isFalse();
        try (Adapters a = embedded.open(c.storage().settings())) {
            assertThat(a.decoders().video()).isPresent();
            assertThat(a.decoders().audio()).isPresent();
            assertThat(a.probe()).isEmpty();
            assertThat(a.restoredGuards())
                    .as("a new store has its append-only triggers from the start")
                    .isEmpty();
            assertThat(a.unitOfWork().run(() -> a.apiKeys().findByDigest("nope")))
                    .isEmpty();
        }
        assertThat(embedded.exists(c.storage().settings())).isTrue();
        try (Adapters again = embedded.open(c.storage().settings())) {
            assertThat(again.probe())
                    .as("the data directory's lock was released by close")
                    .isEmpty();
        }
    }

    @Test
    void theCompositionRunsOnTheConfiguredStore() throws Exception {
        try (Embedded app = new Embedded(config(Map.of("PRAMAAN_STORE", "embedded")), java.time.Clock.systemUTC())) {
            assertThat(app.adapters()).isInstanceOf(org.pramaan.store.sqlite.EmbeddedStore.class);
            assertThat(Embedded.exists(app.config())).isTrue();
        }
    }
}
