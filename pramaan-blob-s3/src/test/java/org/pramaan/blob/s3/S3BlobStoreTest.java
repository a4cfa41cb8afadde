package org.pramaan.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.servers.ChildJvm;
import org.pramaan.testkit.servers.S3MockServer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** What the contract does not cover: multipart uploads, checksums, corruption at rest, other nodes, start-up errors. */
class S3BlobStoreTest {
    @TempDir
    static Path serverDir;

    @TempDir
    Path dir;

    static S3MockServer server;
    private static int prefixes;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Fixture.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static synchronized String prefix() {
        return "t" + (++prefixes) + "/";
    }

    @Test
    void fileAboveTheThresholdGoesUpInPartsAndComesBackWhole() throws Exception {
        long part = S3Settings.MIN_PART;
        S3Settings settings = S3Fixture.settings(server, prefix()).withMultipart(part, part);
        byte[] bytes = random(2 * (int) part + 12_345, 1);
        Path src = Files.write(dir.resolve("big.bin"), bytes);
        String id = sha256Hex(bytes);
        try (S3BlobStore store = S3BlobStore.open(settings, dir.resolve("cache"));
                S3Client raw = S3BlobStore.client(settings)) {
            store.put(id, src);
            HeadObjectResponse head = raw.headObject(
                    r -> r.bucket(S3Fixture.BUCKET).key(settings.prefix() + id).checksumMode(ChecksumMode.ENABLED));
            // S3 names a multipart object's ETag "<md5 of the part md5s>-<part count>".
            assertThat(head.eTag()).as("ETag of a 3-part upload").endsWith("-3\"");
            assertThat(head.contentLength()).isEqualTo(bytes.length);
            assertThat(head.metadata()).containsEntry(S3BlobStore.DIGEST_METADATA, id);
            assertThat(Files.readAllBytes(store.locate(id).orElseThrow())).isEqualTo(bytes);
        }
    }

    @Test
    void singleUploadCarriesItsSha256AsTheS3Checksum() throws Exception {
        S3Settings settings = S3Fixture.settings(server, prefix());
        byte[] bytes = random(100_000, 2);
        String id = sha256Hex(bytes);
        try (S3BlobStore store = S3BlobStore.open(settings, dir.resolve("cache"));
                S3Client raw = S3BlobStore.client(settings)) {
            store.put(id, Files.write(dir.resolve("f.bin"), bytes));
            HeadObjectResponse head = raw.headObject(
                    r -> r.bucket(S3Fixture.BUCKET).key(settings.prefix() + id).checksumMode(ChecksumMode.ENABLED));
            assertThat(head.checksumSHA256()).isEqualTo(Base64.getEncoder().encodeToString(sha256(bytes)));
        }
    }

    @Test
    void objectCorruptedAtRestIsReportedNotServed() throws Exception {
        S3Settings settings = S3Fixture.settings(server, prefix());
        byte[] bytes = random(50_000, 3);
        String id = sha256Hex(bytes);
        try (S3BlobStore store = S3BlobStore.open(settings, dir.resolve("cache"))) {
            store.put(id, Files.write(dir.resolve("f.bin"), bytes));
            flipOneByteOfTheStoredObject(bytes.length);
            assertThatThrownBy(() -> store.locate(id))
                    .isInstanceOf(CorruptBlobException.class)
                    .hasMessageContaining("corrupt")
                    .hasMessageContaining(settings.prefix() + id);
            assertThat(dir.resolve("cache").resolve(id))
                    .as("no local copy of corrupt bytes")
                    .doesNotExist();
        }
    }

    @Test
    void multipartObjectCorruptedAtRestIsReportedNotServed() throws Exception {
        long part = S3Settings.MIN_PART;
        S3Settings settings = S3Fixture.settings(server, prefix()).withMultipart(part, part);
        byte[] bytes = random((int) part + 1000, 4);
        String id = sha256Hex(bytes);
        try (S3BlobStore store = S3BlobStore.open(settings, dir.resolve("cache"))) {
            store.put(id, Files.write(dir.resolve("f.bin"), bytes));
            flipOneByteOfTheStoredObject(bytes.length);
            assertThatThrownBy(() -> store.locate(id))
                    .isInstanceOf(CorruptBlobException.class)
                    .hasMessageContaining("SHA-256 recorded at upload (" + id + ")");
        }
    }

    @Test
    void aDeleteOnOneNodeIsSeenByAnotherNodesLocalCopy() throws Exception {
        S3Settings settings = S3Fixture.settings(server, prefix());
        byte[] bytes = random(10_000, 5);
        String id = sha256Hex(bytes);
        try (S3BlobStore a = S3BlobStore.open(settings, dir.resolve("node-a"));
                S3BlobStore b = S3BlobStore.open(settings, dir.resolve("node-b"))) {
            a.put(id, Files.write(dir.resolve("f.bin"), bytes));
            Path copy = b.locate(id).orElseThrow();
            assertThat(b.locate(id)).as("unchanged: the same local copy").contains(copy);
            assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
            assertThat(a.delete(id)).isTrue();
            assertThat(b.contains(id)).isFalse();
            assertThat(b.locate(id)).isEmpty();
            assertThat(copy).as("stale local copy removed").doesNotExist();
            assertThat(a.delete(id)).as("nothing left to delete").isFalse();
        }
    }

    @Test
    void missingBucketIsNamedWithTheEndpoint() {
        S3Settings settings = S3Settings.parse(S3Fixture.options(server, "no-such-bucket", ""));
        assertThatThrownBy(() -> S3BlobStore.open(settings, dir.resolve("cache")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bucket 'no-such-bucket' does not exist")
                .hasMessageContaining("127.0.0.1:" + server.port());
    }

    @Test
    void unreachableEndpointIsNamedWithHostAndPort() {
        int closed = ChildJvm.freePort();
        java.util.Map<String, String> o = S3Fixture.options(server, S3Fixture.BUCKET, "");
        o.put("endpoint", "http://127.0.0.1:" + closed);
        S3Settings settings = S3Settings.parse(o).withRetries(2, Duration.ofMillis(10));
        assertThatThrownBy(() -> S3BlobStore.open(settings, dir.resolve("cache")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot reach the S3 endpoint 127.0.0.1:" + closed);
    }

    private void flipOneByteOfTheStoredObject(int length) throws IOException {
        // S3Mock keeps each object's bytes in <root>/<bucket>/<uuid>/binaryData; the newest of that length is ours.
        Path data;
        try (Stream<Path> files = Files.walk(server.root())) {
            data = files.filter(p -> p.getFileName().toString().equals("binaryData"))
                    .filter(p -> size(p) == length)
                    .max(java.util.Comparator.comparing(S3BlobStoreTest::modified))
                    .orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.seek(length / 2);
            int b = f.read();
            f.seek(length / 2);
            f.write(b ^ 0x01);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    static String sha256Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(sha256(b));
    }
}
