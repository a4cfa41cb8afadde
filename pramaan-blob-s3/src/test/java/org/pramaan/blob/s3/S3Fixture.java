package org.pramaan.blob.s3;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.pramaan.testkit.servers.S3MockServer;

/** Settings for the S3Mock server a test class started. */
final class S3Fixture {
    static final String BUCKET = "pramaan-media";

    private S3Fixture() {}

    static Map<String, String> options(S3MockServer server, String bucket, String prefix) {
        Map<String, String> o = new HashMap<>();
        o.put("endpoint", server.endpoint().toString());
        o.put("region", "us-east-1");
        o.put("bucket", bucket);
        o.put("access-key", "pramaan-test");
        o.put("secret-key", "pramaan-test-secret");
        o.put("prefix", prefix);
        return o;
    }

    static S3Settings settings(S3MockServer server, String prefix) {
        return S3Settings.parse(options(server, BUCKET, prefix));
    }

    static S3MockServer start(Path dir) throws Exception {
        S3MockServer server = S3MockServer.start(dir);
        server.createBucket(BUCKET);
        return server;
    }
}
