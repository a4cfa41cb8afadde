package org.pramaan.blob.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.intake.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content-addressed media bytes in an S3 bucket ({@code blobs=s3}), under {@code <prefix><sha256>}.
 *
 * <p>Integrity end to end: every upload carries its SHA-256 as the S3 checksum
 * ({@code x-amz-checksum-sha256}, per part for multipart uploads), so the server refuses bytes that
 * changed on the way; the whole file's SHA-256 is kept in the object's metadata and checked against
 * the bytes read back on every download, so an object corrupted at rest is reported, never served
 * (for multipart objects S3 keeps only a checksum of the part checksums, which a reader cannot check
 * against the bytes alone).
 *
 * <p>{@link #locate} returns a local copy under {@code cacheDir}, refreshed with a conditional GET
 * ({@code If-None-Match}), so another node's delete is seen and an unchanged blob is not downloaded again.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    /** User metadata holding the whole object's SHA-256 (hex); S3 sends it as {@code x-amz-meta-pramaan-sha256}. */
    static final String DIGEST_METADATA = "pramaan-sha256";
    /** UploadPart: part numbers run from 1 to 10,000. */
    private static final int MAX_PARTS = 10_000;

    private final S3Settings settings;
    private final S3Client s3;
    private final Path cacheDir;
    private final Map<String, String> cachedEtags = new ConcurrentHashMap<>();

    private S3BlobStore(S3Settings settings, S3Client s3, Path cacheDir) {
        this.settings = settings;
        this.s3 = s3;
        this.cacheDir = cacheDir;
    }

    /**
     * Opens the bucket and proves it usable with one listing request.
     *
     * @throws IOException naming the endpoint's host and port when it cannot be reached, the bucket when it
     *     does not exist, the access key when the credentials are refused
     */
    public static S3BlobStore open(S3Settings settings, Path cacheDir) throws IOException {
        S3Client s3 = client(settings);
        try {
            S3BlobStore store = new S3BlobStore(settings, s3, Files.createDirectories(cacheDir));
            store.checkBucket();
            return store;
        } catch (IOException | RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    static S3Client client(S3Settings settings) {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                // Path-style (http://host/bucket/key): S3-compatible servers rarely serve virtual-hosted names.
                .forcePathStyle(true)
                // We send our own SHA-256 checksums; the SDK's default CRC32 would be a second one per request.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                // Throttling (503 SlowDown), 5xx and I/O errors are retried, a bounded number of
                                // times with exponential backoff and jitter; 4xx refusals are not.
                                .maxAttempts(settings.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.baseBackoff(),
                                        settings.baseBackoff().multipliedBy(200)))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.baseBackoff().multipliedBy(5),
                                        settings.baseBackoff().multipliedBy(200)))
                                .build())
                        .apiCallAttemptTimeout(Duration.ofMinutes(10)))
                .build();
    }

    private void checkBucket() throws IOException {
        try {
            s3.listObjectsV2(
                    r -> r.bucket(settings.bucket()).prefix(settings.prefix()).maxKeys(1));
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (e.statusCode() == 404 || "NoSuchBucket".equals(code))
                throw new IOException("S3 bucket '" + settings.bucket() + "' does not exist at endpoint "
                        + settings.endpoint() + " (" + settings.hostAndPort()
                        + "); create it first: blobs=s3 never creates buckets, which carry the operator's"
                        + " retention and access policies");
            if (e.statusCode() == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code))
                throw new IOException("S3 endpoint " + settings.hostAndPort() + " refused access key '"
                        + settings.accessKey() + "' for bucket '" + settings.bucket() + "' (" + e.statusCode() + " "
                        + (code == null || code.isEmpty() ? "AccessDenied" : code)
                        + "): check blobs.s3.access-key and blobs.s3.secret-key");
            throw new IOException(
                    "S3 endpoint " + settings.hostAndPort() + " refused to list bucket '" + settings.bucket() + "' ("
                            + e.statusCode() + " " + code + "): " + e.getMessage(),
                    e);
        } catch (SdkClientException e) {
            throw new IOException(
                    "cannot reach the S3 endpoint " + settings.hostAndPort() + " (" + settings.endpoint() + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The start-up check again: one listing of the bucket under the prefix. */
    @Override
    public Optional<String> probe() {
        try {
            checkBucket();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void put(String sha256, Path source) throws IOException {
        String key = key(sha256);
        if (head(key)) return;
        long size = Files.size(source);
        long parts = size <= settings.multipartThreshold() ? 1 : (size + settings.partSize() - 1) / settings.partSize();
        if (parts > MAX_PARTS)
            throw new IOException("file of " + size + " bytes needs " + parts + " parts of " + settings.partSize()
                    + " bytes; S3 allows " + MAX_PARTS + ": raise blobs.s3.part-size");
        try {
            if (parts == 1) putWhole(key, source, size);
            else putInParts(key, source, size);
        } catch (SdkException e) {
            throw new IOException("cannot store " + where(key) + ": " + e.getMessage(), e);
        }
    }

    /** PutObject with the body's SHA-256 as its S3 checksum: the server refuses the body if it arrives otherwise. */
    private void putWhole(String key, Path source, long size) throws IOException {
        byte[] digest = digest(source);
        s3.putObject(
                r -> r.bucket(settings.bucket())
                        .key(key)
                        .contentLength(size)
                        // The value alone (no x-amz-sdk-checksum-algorithm, which announces a trailer instead):
                        // the server checks the body against it before storing.
                        .checksumSHA256(Base64.getEncoder().encodeToString(digest))
                        .metadata(Map.of(DIGEST_METADATA, HexFormat.of().formatHex(digest))),
                RequestBody.fromFile(source));
    }

    /**
     * Multipart upload: parts are read into one buffer, each sent with its own SHA-256 checksum; the whole
     * file's digest goes into the metadata at creation, so it is hashed before the first part is sent. An
     * upload that fails is aborted, so no orphaned parts are left billed in the bucket.
     */
    private void putInParts(String key, Path source, long size) throws IOException {
        String digest = HexFormat.of().formatHex(digest(source));
        String uploadId = s3.createMultipartUpload(r -> r.bucket(settings.bucket())
                        .key(key)
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .metadata(Map.of(DIGEST_METADATA, digest)))
                .uploadId();
        try (InputStream in = Files.newInputStream(source)) {
            List<CompletedPart> done = new ArrayList<>();
            byte[] buffer = new byte[(int) Math.min(settings.partSize(), size)];
            long left = size;
            for (int number = 1; left > 0; number++) {
                int n = (int) Math.min(buffer.length, left);
                if (in.readNBytes(buffer, 0, n) != n) throw new IOException(source + " shrank while it was uploaded");
                left -= n;
                MessageDigest partDigest = sha256();
                partDigest.update(buffer, 0, n);
                String checksum = Base64.getEncoder().encodeToString(partDigest.digest());
                int partNumber = number;
                String etag = s3.uploadPart(
                                r -> r.bucket(settings.bucket())
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength((long) n)
                                        .checksumSHA256(checksum),
                                // A fresh stream over the buffer per attempt: retries resend the same bytes, no copy.
                                RequestBody.fromContentProvider(
                                        () -> new java.io.ByteArrayInputStream(buffer, 0, n),
                                        n,
                                        "application/octet-stream"))
                        .eTag();
                done.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .checksumSHA256(checksum)
                        .build());
            }
            s3.completeMultipartUpload(
                    r -> r.bucket(settings.bucket()).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(done)));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(
                        r -> r.bucket(settings.bucket()).key(key).uploadId(uploadId));
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    @Override
    public boolean contains(String sha256) {
        try {
            return head(key(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A local copy of the blob, checked against the SHA-256 recorded at upload.
     *
     * @throws CorruptBlobException when the bytes read back differ from those stored
     * @throws UncheckedIOException when the bucket cannot be read
     */
    @Override
    public Optional<Path> locate(String sha256) {
        String key = key(sha256);
        Path local = cacheDir.resolve(sha256);
        String etag = Files.exists(local) ? cachedEtags.get(sha256) : null;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(settings.bucket())
                .key(key)
                .checksumMode(ChecksumMode.ENABLED)
                .ifNoneMatch(etag))) {
            return Optional.of(download(sha256, key, in, local));
        } catch (S3Exception e) {
            if (e.statusCode() == 304) return Optional.of(local);
            if (e.statusCode() == 404) {
                forget(sha256);
                return Optional.empty();
            }
            throw new UncheckedIOException(new IOException("cannot read " + where(key) + ": " + e.getMessage(), e));
        } catch (SdkClientException e) {
            if (isChecksumFailure(e)) throw new CorruptBlobException(where(key), "its S3 checksum", e);
            throw new UncheckedIOException(new IOException("cannot read " + where(key) + ": " + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path download(String sha256, String key, ResponseInputStream<GetObjectResponse> in, Path local)
            throws IOException {
        String recorded = in.response().metadata().getOrDefault(DIGEST_METADATA, "");
        Path tmp = Files.createTempFile(cacheDir, ".incoming-", ".tmp");
        try {
            MessageDigest md = sha256();
            try (OutputStream out = Files.newOutputStream(tmp);
                    DigestInputStream digesting = new DigestInputStream(in, md)) {
                digesting.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equals(recorded))
                throw new CorruptBlobException(
                        where(key),
                        "the SHA-256 recorded at upload (" + (recorded.isEmpty() ? "none" : recorded) + "); read back "
                                + actual,
                        null);
            try {
                Files.move(tmp, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING);
            }
            cachedEtags.put(sha256, in.response().eTag());
            return local;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        String key = key(sha256);
        boolean existed = head(key);
        if (existed) {
            try {
                s3.deleteObject(r -> r.bucket(settings.bucket()).key(key));
            } catch (SdkException e) {
                throw new IOException("cannot delete " + where(key) + ": " + e.getMessage(), e);
            }
        }
        forget(sha256);
        return existed;
    }

    @Override
    public void close() {
        s3.close();
    }

    private void forget(String sha256) {
        cachedEtags.remove(sha256);
        try {
            Files.deleteIfExists(cacheDir.resolve(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean head(String key) throws IOException {
        try {
            s3.headObject(r -> r.bucket(settings.bucket()).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw new IOException("cannot read " + where(key) + ": " + e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new IOException("cannot read " + where(key) + ": " + e.getMessage(), e);
        }
    }

    /** The object key; ids are digests only, so no client text ever reaches a key (no traversal, no odd names). */
    private String key(String sha256) {
        boolean ok =
                sha256.length() == 64 && sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (!ok) {
            String shown = sha256.length() > 80 ? sha256.substring(0, 80) + "…" : sha256;
            throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: '" + shown + "'");
        }
        return settings.prefix() + sha256;
    }

    private String where(String key) {
        return "s3://" + settings.bucket() + "/" + key + " at " + settings.hostAndPort();
    }

    private static boolean isChecksumFailure(SdkClientException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("checksum") || m.contains("Checksum");
    }

    private static byte[] digest(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
