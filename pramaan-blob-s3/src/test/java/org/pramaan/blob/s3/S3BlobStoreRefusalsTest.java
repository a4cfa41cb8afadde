package org.pramaan.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling, server errors and refused credentials. S3Mock accepts any credentials and never
 * throttles, so these answers come from a loopback HTTP server that replies as S3 does (status and
 * error XML), counting the requests it gets.
 */
class S3BlobStoreRefusalsTest {
    @TempDir
    Path dir;

    private HttpServer http;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
    }

    /** Replies with {@code answers} in turn (status, error code or empty for a listing), the last one repeated. */
    private S3Settings serve(int attempts, int[] statuses, String[] codes) throws IOException {
        AtomicInteger n = new AtomicInteger();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            int i = Math.min(n.getAndIncrement(), statuses.length - 1);
            byte[] body = (statuses[i] == 200
                            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult"
                                    + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>pramaan-media</Name>"
                                    + "<Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1</MaxKeys>"
                                    + "<IsTruncated>false</IsTruncated></ListBucketResult>"
                            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + codes[i]
                                    + "</Code><Message>refused by the test server</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/xml");
            ex.sendResponseHeaders(statuses[i], body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        Map<String, String> o = new HashMap<>();
        o.put("endpoint", "http://127.0.0.1:" + http.getAddress().getPort());
        o.put("region", "us-east-1");
        o.put("bucket", "pramaan-media");
        o.put("access-key", "AKIDEXAMPLE");
        o.put("secret-key", "wrong-secret");
        return S3Settings.parse(o).withRetries(attempts, Duration.ofMillis(5));
    }

    @Test
    void throttlingIsRetriedABoundedNumberOfTimes() throws Exception {
        S3Settings s = serve(3, new int[] {503}, new String[] {"SlowDown"});
        assertThatThrownBy(() -> S3BlobStore.open(s, dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SlowDown");
        assertThat(requests).as("3 attempts, then it gives up").hasSize(3);
    }

    @Test
    void serverErrorsAreRetriedUntilTheServerAnswers() throws Exception {
        S3Settings s = serve(4, new int[] {500, 503, 200}, new String[] {"InternalError", "SlowDown", ""});
        try (S3BlobStore store = S3BlobStore.open(s, dir)) {
            assertThat(store).isNotNull();
        }
        assertThat(requests).hasSize(3);
    }

    @Test
    void refusedCredentialsAreNamedAndNotRetried() throws Exception {
        S3Settings s = serve(3, new int[] {403}, new String[] {"InvalidAccessKeyId"});
        assertThatThrownBy(() -> S3BlobStore.open(s, dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("refused access key 'AKIDEXAMPLE'")
                .hasMessageContaining("InvalidAccessKeyId")
                .hasMessageContaining("blobs.s3.secret-key")
                .hasMessageNotContaining("wrong-secret");
        assertThat(requests).hasSize(1);
    }
}
