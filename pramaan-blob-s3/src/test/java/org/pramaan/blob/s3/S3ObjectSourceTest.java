package org.pramaan.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.errors.Invalid;
import org.pramaan.media.MediaSource;
import org.pramaan.testkit.servers.S3MockServer;

/**
 * Bucket-prefix back-scans read the platform's own storage (issue 17 part 2 (b)): against a real S3-compatible
 * server, keys come back under the prefix only, in order, a page at a time after a checkpoint key; objects are
 * fetched capped and their spooled copies deleted; buckets outside the configured list and bad settings are
 * refused naming the field.
 */
class S3ObjectSourceTest {
    @TempDir
    static Path serverDir;

    @TempDir
    Path spool;

    static S3MockServer server;
    static final String BUCKET = "platform-media";

    @BeforeAll
    static void start() throws Exception {
        server = S3MockServer.start(serverDir);
        server.createBucket(BUCKET);
        server.createBucket("other-bucket");
        for (int i = 0; i < 7; i++)
            server.putObject(BUCKET, "uploads/2026/img-" + i + ".jpg", ("image " + i).getBytes(StandardCharsets.UTF_8));
        server.putObject(BUCKET, "uploads/", new byte[0]); // a console "folder" marker
        server.putObject(BUCKET, "uploads/ü-é.png", "unicode".getBytes(StandardCharsets.UTF_8));
        server.putObject(BUCKET, "private/secret.jpg", "not in the prefix".getBytes(StandardCharsets.UTF_8));
        server.putObject(BUCKET, "uploads/big.mp4", new byte[2048]);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static Map<String, String> options() {
        Map<String, String> o = new HashMap<>();
        o.put("endpoint", server.endpoint().toString());
        o.put("region", "us-east-1");
        o.put("access-key", "pramaan-test");
        o.put("secret-key", "pramaan-test-secret");
        o.put("buckets", BUCKET + ", archive-bucket");
        o.put("max-object-bytes", "1024");
        return o;
    }

    S3ObjectSource source() throws IOException {
        return new S3ObjectSource(S3ObjectSource.Settings.parse(options()).orElseThrow(), spool);
    }

    @Test
    void listsOnlyThePrefixInKeyOrderAPageAtATimeAfterTheCheckpoint() throws Exception {
        try (S3ObjectSource s = source()) {
            List<String> all = new ArrayList<>();
            String after = "";
            for (List<String> page; !(page = s.keysAfter(BUCKET, "uploads/", after, 3)).isEmpty(); ) {
                assertThat(page.size()).isLessThanOrEqualTo(3);
                all.addAll(page);
                after = page.get(page.size() - 1);
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 7; i++) expected.add("uploads/2026/img-" + i + ".jpg");
            expected.add("uploads/big.mp4");
            expected.add("uploads/ü-é.png");
            assertThat(all)
                    .as("the folder marker and keys outside the prefix are not items")
                    .isEqualTo(expected);
            assertThat(s.keysAfter(BUCKET, "uploads/", "uploads/2026/img-5.jpg", 100))
                    .containsExactly("uploads/2026/img-6.jpg", "uploads/big.mp4", "uploads/ü-é.png");
            assertThat(s.keysAfter(BUCKET, "nothing-here/", "", 10)).isEmpty();
        }
    }

    @Test
    void fetchesAnObjectAndDeletesItsSpooledCopyWhenClosed() throws Exception {
        try (S3ObjectSource s = source()) {
            Path copy;
            try (MediaSource m = s.open(BUCKET, "uploads/ü-é.png")) {
                assertThat(new String(m.read(0, (int) m.size()), StandardCharsets.UTF_8))
                        .isEqualTo("unicode");
                copy = m.file().orElseThrow();
                assertThat(copy).exists();
            }
            assertThat(copy).doesNotExist();
            try (Stream<Path> left = Files.list(spool)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void refusesOversizedMissingAndUnlistedObjectsLeavingNothingSpooled() throws Exception {
        try (S3ObjectSource s = source()) {
            assertThatThrownBy(() -> s.open(BUCKET, "uploads/big.mp4"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("backscan.s3.max-object-bytes (1024)");
            assertThatThrownBy(() -> s.open(BUCKET, "uploads/gone.jpg"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("s3://platform-media/uploads/gone.jpg");
            assertThatThrownBy(() -> s.keysAfter("other-bucket", "", "", 10))
                    .isInstanceOf(Invalid.class)
                    .hasMessageContaining("backscan.s3.buckets");
            assertThatThrownBy(() -> s.keysAfter("archive-bucket", "", "", 10))
                    .as("a configured bucket that does not exist is named")
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("archive-bucket");
            try (Stream<Path> left = Files.list(spool)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        assertThat(S3ObjectSource.Settings.parse(Map.of())).isEqualTo(Optional.empty());
        assertThat(refusal(Map.of("buckets", "a-bucket"))).isEqualTo("backscan.s3.endpoint");
        assertThat(refusal(with("endpoint", "http://user:pw@127.0.0.1:9/"))).isEqualTo("backscan.s3.endpoint");
        assertThat(refusal(with("endpoint", "file:///etc/passwd"))).isEqualTo("backscan.s3.endpoint");
        assertThat(refusal(with("buckets", "ok-bucket,Bad_Bucket"))).isEqualTo("backscan.s3.buckets");
        assertThat(refusal(with("buckets", " , "))).isEqualTo("backscan.s3.buckets");
        assertThat(refusal(with("secret-key", ""))).isEqualTo("backscan.s3.secret-key");
        assertThat(refusal(with("max-object-bytes", "-5"))).isEqualTo("backscan.s3.max-object-bytes");
        assertThat(refusal(with("max-object-bytes", "99999999999999999999"))).isEqualTo("backscan.s3.max-object-bytes");
        assertThat(refusal(with("region", "../x"))).isEqualTo("backscan.s3.region");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> o = options();
        o.put(key, value);
        return o;
    }

    private static String refusal(Map<String, String> options) {
        try {
            S3ObjectSource.Settings.parse(options);
        } catch (Invalid e) {
            return e.field().orElse("");
        }
        throw new AssertionError("accepted " + options);
    }
}
