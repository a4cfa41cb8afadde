package org.pramaan.blob.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.pramaan.errors.Invalid;

/**
 * Where and how blobs are kept in S3 ({@code blobs.s3.*}).
 *
 * @param endpoint           the S3 API base URL (path-style addressing, so any S3-compatible server works)
 * @param region             the signing region
 * @param bucket             the bucket; must exist (the adapter never creates it: buckets carry the operator's
 *                           retention, encryption and access policies)
 * @param accessKey          access key id
 * @param secretKey          secret access key
 * @param prefix             key prefix inside the bucket (empty, or ending with {@code /})
 * @param multipartThreshold files larger than this go up in parts
 * @param partSize           size of each part but the last (S3: at least 5 MiB, at most 10,000 parts)
 * @param maxAttempts        attempts per request, the first included, on throttling, 5xx and I/O errors
 * @param baseBackoff        first retry delay; doubles per attempt, with jitter
 */
public record S3Settings(
        URI endpoint,
        String region,
        String bucket,
        String accessKey,
        String secretKey,
        String prefix,
        long multipartThreshold,
        long partSize,
        int maxAttempts,
        Duration baseBackoff) {
    /** Amazon S3's smallest part but the last (UploadPart). */
    public static final long MIN_PART = 5L * 1024 * 1024;

    public static final long DEFAULT_PART = 8L * 1024 * 1024;
    private static final String KEY = "blobs.s3.";

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(baseBackoff, "baseBackoff");
    }

    /** A copy that splits files into parts of {@code size} bytes above {@code threshold} (tests use small parts). */
    public S3Settings withMultipart(long threshold, long size) {
        return new S3Settings(
                endpoint, region, bucket, accessKey, secretKey, prefix, threshold, size, maxAttempts, baseBackoff);
    }

    /** A copy with {@code attempts} attempts per request and {@code base} as the first retry delay. */
    public S3Settings withRetries(int attempts, Duration base) {
        return new S3Settings(
                endpoint, region, bucket, accessKey, secretKey, prefix, multipartThreshold, partSize, attempts, base);
    }

    /** {@code host:port} of the endpoint, as errors name it. */
    public String hostAndPort() {
        int port = endpoint.getPort() >= 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        return endpoint.getHost() + ":" + port;
    }

    /**
     * The settings from the {@code blobs.s3.*} options (prefix removed, blank when unset).
     *
     * @throws Invalid whose field is the full key, for a missing or malformed value
     */
    public static S3Settings parse(Map<String, String> options) {
        URI endpoint = endpoint(KEY, required(options, "endpoint"));
        String region = required(options, "region");
        region(KEY, region);
        String bucket = required(options, "bucket");
        bucketName(KEY + "bucket", bucket);
        String accessKey = required(options, "access-key");
        String secretKey = required(options, "secret-key");
        if (accessKey.length() > 128) throw new Invalid(KEY + "access-key", "is at most 128 characters");
        if (secretKey.length() > 256) throw new Invalid(KEY + "secret-key", "is at most 256 characters");
        String prefix = options.getOrDefault("prefix", "").strip();
        if (prefix.length() > 512) throw new Invalid(KEY + "prefix", "is at most 512 characters");
        if (prefix.startsWith("/") || prefix.contains("//") || prefix.chars().anyMatch(Character::isISOControl))
            throw new Invalid(KEY + "prefix", "must not start with '/', contain '//' or control characters");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
        long part = size(options, "part-size", DEFAULT_PART);
        // UploadPart: every part but the last is at least 5 MiB; at most 5 GiB.
        if (part < MIN_PART || part > 5L * 1024 * 1024 * 1024)
            throw new Invalid(KEY + "part-size", "must be between " + MIN_PART + " (5 MiB) and 5 GiB");
        long threshold = size(options, "multipart-threshold", 2 * DEFAULT_PART);
        if (threshold < part) throw new Invalid(KEY + "multipart-threshold", "must be at least blobs.s3.part-size");
        return new S3Settings(
                endpoint, region, bucket, accessKey, secretKey, prefix, threshold, part, 4, Duration.ofMillis(100));
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.getOrDefault(name, "").strip();
        if (v.isEmpty()) throw new Invalid(KEY + name, "is required when blobs=s3");
        return v;
    }

    static void region(String key, String region) {
        if (region.length() > 64 || !region.chars().allMatch(c -> isLowerAlnum(c) || c == '-'))
            throw new Invalid(key + "region", "must be a region name such as us-east-1");
    }

    /** An http(s) URL with a host and nothing else a request could smuggle (user, query, fragment). */
    static URI endpoint(String key, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null)
                throw new Invalid(key + "endpoint", "must be an http(s) URL with a host, e.g. http://127.0.0.1:9090");
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null)
                throw new Invalid(key + "endpoint", "must have no user, query or fragment");
            return uri;
        } catch (URISyntaxException e) {
            throw new Invalid(key + "endpoint", "is not a URL: " + e.getReason());
        }
    }

    /** Amazon S3 bucket naming rules: 3-63 characters of a-z 0-9 . -, starting and ending with a letter or digit. */
    static void bucketName(String key, String b) {
        boolean ok = b.length() >= 3
                && b.length() <= 63
                && b.chars().allMatch(c -> isLowerAlnum(c) || c == '.' || c == '-')
                && isLowerAlnum(b.charAt(0))
                && isLowerAlnum(b.charAt(b.length() - 1))
                && !b.contains("..");
        if (!ok)
            throw new Invalid(
                    key,
                    "is not an S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit)");
    }

    private static boolean isLowerAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static long size(Map<String, String> options, String name, long fallback) {
        String v = options.getOrDefault(name, "").strip();
        if (v.isEmpty()) return fallback;
        if (v.length() > 19 || !v.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new Invalid(KEY + name, "is not a whole number of bytes");
        return Long.parseLong(v);
    }
}
