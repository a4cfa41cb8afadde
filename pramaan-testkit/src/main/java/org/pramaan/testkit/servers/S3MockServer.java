package org.pramaan.testkit.servers;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3-compatible server: Adobe S3Mock 5.2.3 in a child JVM, its objects in files under
 * {@link #root()} ({@code <bucket>/<uuid>/binaryData}), on a free loopback port (dependencies.md,
 * experiment 10). S3Mock accepts any credentials. Start one per test class: it takes 5-20 s.
 */
public final class S3MockServer implements AutoCloseable {
    /** The system property naming the class-path file (pramaan-testserver-s3mock/target/classpath.txt). */
    public static final String CLASSPATH_PROPERTY = "pramaan.s3mock.classpath";

    private final ChildJvm jvm;
    private final int port;
    private final Path root;

    private S3MockServer(ChildJvm jvm, int port, Path root) {
        this.jvm = jvm;
        this.port = port;
        this.root = root;
    }

    /** Starts S3Mock with its store under {@code dir}, or skips the test when its jars are absent (not under CI). */
    public static S3MockServer start(Path dir) throws IOException, InterruptedException {
        List<Path> jars = ServerJars.require(CLASSPATH_PROPERTY, "S3Mock");
        Path root = Files.createDirectories(dir.resolve("s3-store"));
        int port = ChildJvm.freePort();
        ChildJvm jvm = ChildJvm.start(
                "S3Mock",
                jars,
                // C1 only: a short-lived test server starts faster without the optimising compiler.
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dspring.jmx.enabled=false"),
                "com.adobe.testing.s3mock.S3MockApplication",
                List.of(
                        "--com.adobe.testing.s3mock.httpPort=" + port,
                        "--com.adobe.testing.s3mock.store.root=" + root,
                        // The HTTPS connector on a free port too, so parallel builds never collide on 9191.
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN"),
                dir.resolve("s3mock.log"));
        try {
            jvm.awaitPort(port, Duration.ofSeconds(120));
        } catch (RuntimeException | InterruptedException e) {
            jvm.close();
            throw e;
        }
        return new S3MockServer(jvm, port, root);
    }

    public URI endpoint() {
        try {
            return new URI("http", null, "127.0.0.1", port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates {@code bucket} with a plain CreateBucket request (S3Mock checks no signature). */
    public void createBucket(String bucket) throws IOException, InterruptedException {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> r = http.send(
                    java.net.http.HttpRequest.newBuilder(endpoint().resolve("/" + bucket))
                            .PUT(java.net.http.HttpRequest.BodyPublishers.noBody())
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200)
                throw new IllegalStateException("CreateBucket " + bucket + ": " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Stores {@code bytes} as {@code bucket/key} with a plain PutObject (S3Mock checks no signature), as a
     * platform's own storage would hold them; the key's path segments are percent-encoded.
     */
    public void putObject(String bucket, String key, byte[] bytes) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/").append(bucket).append('/');
        for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || c == '/';
            if (plain) path.append((char) c);
            else path.append('%').append(String.format("%02X", c));
        }
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> r = http.send(
                    java.net.http.HttpRequest.newBuilder(URI.create(endpoint() + path.toString()))
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200)
                throw new IllegalStateException(
                        "PutObject " + bucket + "/" + key + ": " + r.statusCode() + " " + r.body());
        }
    }

    public int port() {
        return port;
    }

    /** Where S3Mock keeps buckets and objects (tests corrupt an object's bytes here). */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
        jvm.close();
    }
}
