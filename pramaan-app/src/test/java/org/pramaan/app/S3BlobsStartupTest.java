package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;
import org.pramaan.testkit.servers.ChildJvm;
import org.pramaan.testkit.servers.S3MockServer;

/**
 * {@code blobs=s3} through the configuration (file, environment, system properties), on a real
 * server start against a real S3-compatible server (S3Mock in a child JVM, one per class): uploads
 * land in the bucket, and an absent bucket or an unreachable endpoint stops start-up by name.
 */
class S3BlobsStartupTest {
    private static final String BUCKET = "pramaan-media";

    @TempDir
    static Path serverDir;

    static S3MockServer s3;

    @TempDir
    Path dataDir;

    final FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3MockServer.start(serverDir);
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) s3.close();
    }

    private static Map<String, String> s3Env(String endpoint, String bucket) {
        Map<String, String> env = new HashMap<>();
        env.put("PRAMAAN_BLOBS", "s3");
        env.put("PRAMAAN_BLOBS_S3_ENDPOINT", endpoint);
        env.put("PRAMAAN_BLOBS_S3_BUCKET", bucket);
        env.put("PRAMAAN_BLOBS_S3_ACCESS_KEY", "pramaan-node");
        env.put("PRAMAAN_BLOBS_S3_SECRET_KEY", "not-checked-by-s3mock");
        env.put("PRAMAAN_BLOBS_S3_PREFIX", "node-1/");
        return env;
    }

    @Test
    void uploadsThroughTheApiAreKeptInTheBucketNotTheDataDirectory() throws Exception {
        PramaanConfig config =
                ServerTestBase.config(dataDir, s3Env(s3.endpoint().toString(), BUCKET));
        byte[] jpeg = TestImages.jpeg(TestImages.photo(96, 64, 15), 0.9f);
        try (Embedded app = new Embedded(config, clock);
                Server server = Server.start(app, "127.0.0.1", 0)) {
            app.keys().register(Role.ADMIN, "test admin", ServerTestBase.ADMIN);
            String ingest = app.keys().create(Role.INGEST, "uploads").secret();
            ApiClient api = new ApiClient(server.port());
            ApiClient.Response r = api.postBytes("/v1/media", ingest, jpeg);
            assertThat(r.status()).as(r.raw()).isIn(200, 201);
            String id = r.json().path("id").asText();

            assertThat(app.adapters().blobs().contains(id)).isTrue();
            assertThat(Files.readAllBytes(app.adapters().blobs().locate(id).orElseThrow()))
                    .isEqualTo(jpeg);
            assertThat(objectKeysInS3()).contains("node-1/" + id);
            assertThat(filesNamed(dataDir.resolve("blobs"), id))
                    .as("nothing in <data.dir>/blobs")
                    .isZero();
            assertThat(app.adapters().probe())
                    .as("readiness reaches the bucket")
                    .isEmpty();
        }
    }

    @Test
    void readinessReportsABucketThatWentAwayWhileRunning() throws Exception {
        s3.createBucket("short-lived");
        PramaanConfig config =
                ServerTestBase.config(dataDir, s3Env(s3.endpoint().toString(), "short-lived"));
        try (Embedded app = new Embedded(config, clock)) {
            assertThat(app.adapters().probe()).isEmpty();
            deleteBucket("short-lived");
            assertThat(app.adapters().probe())
                    .hasValueSatisfying(p ->
                            assertThat(p).startsWith("blob store: ").contains("bucket 'short-lived' does not exist"));
        }
    }

    private static void deleteBucket(String bucket) throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            var r = http.send(
                    java.net.http.HttpRequest.newBuilder(s3.endpoint().resolve("/" + bucket))
                            .DELETE()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        }
    }

    @Test
    void anAbsentBucketStopsStartUpNamingTheBucketAndTheEndpoint() throws Exception {
        PramaanConfig config =
                ServerTestBase.config(dataDir, s3Env(s3.endpoint().toString(), "no-such-bucket"));
        assertThatThrownBy(() -> new Embedded(config, clock).close())
                .hasMessageContaining("bucket 'no-such-bucket' does not exist")
                .hasMessageContaining("127.0.0.1:" + s3.port());
        // The failed start released the data directory: the embedded default opens it at once.
        try (Embedded local = new Embedded(ServerTestBase.config(dataDir, Map.of()), clock)) {
            assertThat(local.adapters().blobs().getClass().getSimpleName()).isEqualTo("LocalBlobStore");
        }
    }

    @Test
    void anUnreachableEndpointStopsStartUpNamingHostAndPort() {
        int closed = ChildJvm.freePort();
        PramaanConfig config = ServerTestBase.config(dataDir, s3Env("http://127.0.0.1:" + closed, BUCKET));
        assertThatThrownBy(() -> new Embedded(config, clock).close())
                .hasMessageContaining("cannot reach the S3 endpoint 127.0.0.1:" + closed);
    }

    @Test
    void badValuesAreRefusedWhenTheConfigurationLoadsNamingKeyAndOrigin() {
        Map<String, String> env = s3Env(s3.endpoint().toString(), BUCKET);
        env.remove("PRAMAAN_BLOBS_S3_BUCKET");
        assertThatThrownBy(() -> PramaanConfig.load(env, new Properties()))
                .hasMessageContaining("configuration blobs.s3.bucket='' (from default) is required when blobs=s3");

        Properties system = new Properties();
        system.setProperty("pramaan.blobs.s3.part-size", "1024");
        assertThatThrownBy(() -> PramaanConfig.load(s3Env(s3.endpoint().toString(), BUCKET), system))
                .hasMessageContaining("blobs.s3.part-size='1024' (from system property pramaan.blobs.s3.part-size)");

        Map<String, String> longSecret = s3Env(s3.endpoint().toString(), BUCKET);
        longSecret.put("PRAMAAN_BLOBS_S3_SECRET_KEY", "s".repeat(300));
        assertThatThrownBy(() -> PramaanConfig.load(longSecret, new Properties()))
                .hasMessageContaining("blobs.s3.secret-key='<300 characters, hidden>'")
                .hasMessageNotContaining("sss");

        assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_BLOBS", "gcs"), new Properties()))
                .hasMessageContaining("configuration blobs='gcs'")
                .hasMessageContaining("names no blob store; available: s3, local");
    }

    @Test
    void aPropertiesFileSelectsS3Too() throws Exception {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-pramaan.properties");
        Files.writeString(
                file,
                "blobs=s3\nblobs.s3.endpoint=" + s3.endpoint() + "\nblobs.s3.bucket=" + BUCKET
                        + "\nblobs.s3.access-key=a\nblobs.s3.secret-key=b\nblobs.s3.multipart-threshold=67108864\n");
        try {
            PramaanConfig c = PramaanConfig.load(Map.of("PRAMAAN_CONFIG", file.toString()), new Properties());
            assertThat(c.blobs().kind()).isEqualTo("s3");
            assertThat(c.blobs().options())
                    .containsEntry("bucket", BUCKET)
                    .containsEntry("multipart-threshold", "67108864")
                    .containsEntry("region", "us-east-1");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theEmbeddedDefaultKeepsLocalBlobs() {
        PramaanConfig c = PramaanConfig.load(Map.of(), new Properties());
        assertThat(c.blobs().local()).isTrue();
        assertThat(PramaanConfig.KEYS.get("blobs")[0]).isEqualTo("local");
    }

    private static long filesNamed(Path dir, String name) throws Exception {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).count();
        }
    }

    /** The keys S3Mock holds, from its per-object metadata files ({@code "key":"…"}). */
    private static java.util.List<String> objectKeysInS3() throws Exception {
        try (Stream<Path> files = Files.walk(s3.root().resolve(BUCKET))) {
            return files.filter(p -> p.getFileName().toString().equals("objectMetadata.json"))
                    .map(p -> {
                        try {
                            return new com.fasterxml.jackson.databind.ObjectMapper()
                                    .readTree(p.toFile())
                                    .path("key")
                                    .asText();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
