package org.pramaan.blob.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pramaan.backscan.ObjectSource;
import org.pramaan.errors.Invalid;
import org.pramaan.media.MediaSource;
import org.pramaan.media.SpooledSource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Back-scans of the platform's own S3 storage (issue 17 part 2 (b), {@code backscan.s3.*}): the endpoint and
 * credentials come from configuration and only the configured buckets may be read, so a job (which names a
 * bucket and prefix) can neither carry a secret nor point the server anywhere else. Keys are listed with
 * ListObjectsV2 {@code StartAfter} from the job's checkpoint, in S3's UTF-8 byte order, a page at a time;
 * each object is spooled to a temporary file (capped) while it is hashed and deleted after.
 */
public final class S3ObjectSource implements ObjectSource, AutoCloseable {
    static final String KEY = "backscan.s3.";
    /** ListObjectsV2 returns at most 1,000 keys per request. */
    private static final int PAGE = 1000;

    /**
     * {@code backscan.s3.*}.
     *
     * @param connection     endpoint, region, credentials and retries (its bucket is unused)
     * @param buckets        the buckets jobs may name
     * @param maxObjectBytes largest object fetched; larger ones are that item's error
     */
    public record Settings(S3Settings connection, Set<String> buckets, long maxObjectBytes) {
        public static final long DEFAULT_MAX = 64L << 20;

        public Settings {
            Objects.requireNonNull(connection, "connection");
            buckets = Set.copyOf(buckets);
        }

        /**
         * The settings, or none when {@code endpoint} is unset (object-prefix scans are off).
         *
         * @throws Invalid whose field is the full key
         */
        public static java.util.Optional<Settings> parse(Map<String, String> options) {
            String endpoint = options.getOrDefault("endpoint", "").strip();
            String buckets = options.getOrDefault("buckets", "").strip();
            if (endpoint.isEmpty()) {
                if (!buckets.isEmpty())
                    throw new Invalid(KEY + "endpoint", "is required when backscan.s3.buckets is set");
                return java.util.Optional.empty();
            }
            var uri = S3Settings.endpoint(KEY, endpoint);
            String region = options.getOrDefault("region", "").strip();
            if (region.isEmpty()) region = "us-east-1";
            S3Settings.region(KEY, region);
            String access = options.getOrDefault("access-key", "").strip();
            String secret = options.getOrDefault("secret-key", "").strip();
            if (access.isEmpty()) throw new Invalid(KEY + "access-key", "is required when backscan.s3.endpoint is set");
            if (secret.isEmpty()) throw new Invalid(KEY + "secret-key", "is required when backscan.s3.endpoint is set");
            if (access.length() > 128) throw new Invalid(KEY + "access-key", "is at most 128 characters");
            if (secret.length() > 256) throw new Invalid(KEY + "secret-key", "is at most 256 characters");
            Set<String> names = new LinkedHashSet<>();
            for (String part : org.pramaan.limits.PlainText.split(buckets, ',', false)) {
                String b = part.strip();
                if (b.isEmpty()) continue;
                S3Settings.bucketName(KEY + "buckets", b);
                names.add(b);
            }
            if (names.isEmpty())
                throw new Invalid(KEY + "buckets", "names no bucket: list the buckets back-scans may read");
            long max = DEFAULT_MAX;
            String m = options.getOrDefault("max-object-bytes", "").strip();
            if (!m.isEmpty()) {
                if (m.length() > 18 || !m.chars().allMatch(c -> c >= '0' && c <= '9') || Long.parseLong(m) < 1)
                    throw new Invalid(KEY + "max-object-bytes", "is not a positive whole number of bytes");
                max = Long.parseLong(m);
            }
            S3Settings connection = new S3Settings(
                    uri,
                    region,
                    "",
                    access,
                    secret,
                    "",
                    Long.MAX_VALUE,
                    S3Settings.DEFAULT_PART,
                    4,
                    Duration.ofMillis(100));
            return java.util.Optional.of(new Settings(connection, names, max));
        }
    }

    private final Settings settings;
    private final S3Client s3;
    private final Path spool;

    public S3ObjectSource(Settings settings, Path spool) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.spool = Files.createDirectories(spool);
        this.s3 = S3BlobStore.client(settings.connection());
    }

    @Override
    public void checkBucket(String bucket) {
        if (!settings.buckets().contains(bucket))
            throw new Invalid(
                    "backscan.bucket_not_allowed",
                    "source.bucket",
                    "source.bucket '" + bucket + "' is not one back-scans may read (backscan.s3.buckets)",
                    null);
    }

    @Override
    public List<String> keysAfter(String bucket, String prefix, String after, int limit) throws IOException {
        checkBucket(bucket);
        List<String> out = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder r = ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .maxKeys(Math.min(PAGE, limit - out.size()));
                if (token != null) r.continuationToken(token);
                else if (!after.isEmpty()) r.startAfter(after);
                ListObjectsV2Response page = s3.listObjectsV2(r.build());
                for (S3Object o : page.contents()) {
                    // A zero-byte key ending in '/' is a console "folder", not content.
                    if (o.key().endsWith("/") && o.size() != null && o.size() == 0) continue;
                    if (out.size() < limit) out.add(o.key());
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null && out.size() < limit);
        } catch (S3Exception e) {
            throw refused("list", bucket, prefix, e);
        } catch (SdkClientException e) {
            throw new IOException(
                    "cannot reach the S3 endpoint " + settings.connection().hostAndPort() + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public MediaSource open(String bucket, String key) throws IOException {
        checkBucket(bucket);
        long max = settings.maxObjectBytes();
        Path tmp = Files.createTempFile(spool, "s3scan-", ".part");
        try (ResponseInputStream<GetObjectResponse> in =
                        s3.getObject(r -> r.bucket(bucket).key(key));
                OutputStream out = Files.newOutputStream(tmp)) {
            Long length = in.response().contentLength();
            if (length != null && length > max) throw tooLarge(bucket, key, max);
            copy(in, out, max, bucket, key);
        } catch (S3Exception e) {
            Files.deleteIfExists(tmp);
            throw refused("read", bucket, key, e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            if (e instanceof IOException io) throw io;
            throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
        return SpooledSource.open(tmp);
    }

    private static void copy(InputStream in, OutputStream out, long max, String bucket, String key) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) throw tooLarge(bucket, key, max);
            out.write(buf, 0, n);
        }
    }

    private static IOException tooLarge(String bucket, String key, long max) {
        return new IOException(
                "s3://" + bucket + "/" + key + " is larger than backscan.s3.max-object-bytes (" + max + ")");
    }

    private IOException refused(String what, String bucket, String key, S3Exception e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String where =
                "s3://" + bucket + "/" + key + " at " + settings.connection().hostAndPort();
        if ("NoSuchBucket".equals(code))
            return new IOException("bucket '" + bucket + "' does not exist at "
                    + settings.connection().hostAndPort());
        if (e.statusCode() == 403)
            return new IOException("cannot " + what + " " + where + ": access key '"
                    + settings.connection().accessKey() + "' refused (" + code + ")");
        return new IOException("cannot " + what + " " + where + " (" + e.statusCode() + " " + code + ")", e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
