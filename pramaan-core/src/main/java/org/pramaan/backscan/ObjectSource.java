package org.pramaan.backscan;

import java.io.IOException;
import java.util.List;
import org.pramaan.errors.Invalid;
import org.pramaan.media.MediaSource;

/**
 * Port: the platform's own object storage, for back-scans of a bucket prefix (issue 17 part 2 (b)). The
 * adapter holds the endpoint and the credentials from configuration, and the buckets it may read; a job
 * names only a bucket and a prefix, so no secret is ever stored in a job and no client can point the
 * server at another endpoint.
 */
public interface ObjectSource {
    /**
     * Refuses a bucket this source may not read, before a job is created.
     *
     * @throws Invalid naming {@code source.bucket}
     */
    void checkBucket(String bucket);

    /**
     * Up to {@code limit} keys under {@code prefix} that sort after {@code after} (exclusive; empty: from the
     * start), in the store's own key order (S3: UTF-8 byte order), so a job's checkpoint is a key.
     *
     * @throws IOException when the store cannot be listed (unreachable, refused, no such bucket)
     */
    List<String> keysAfter(String bucket, String prefix, String after, int limit) throws IOException;

    /**
     * The bytes of one object; the caller closes the source. A failure is that item's error result.
     *
     * @throws IOException when the object is gone, too large or cannot be read
     */
    MediaSource open(String bucket, String key) throws IOException;

    /** No object storage configured: every bucket is refused. */
    static ObjectSource none() {
        return new ObjectSource() {
            @Override
            public void checkBucket(String bucket) {
                throw new Invalid(
                        "backscan.objects_unavailable",
                        "source.bucket",
                        "object-store back-scans are off: configure backscan.s3.endpoint and backscan.s3.buckets",
                        null);
            }

            @Override
            public List<String> keysAfter(String bucket, String prefix, String after, int limit) throws IOException {
                throw new IOException("no object storage is configured");
            }

            @Override
            public MediaSource open(String bucket, String key) throws IOException {
                throw new IOException("no object storage is configured");
            }
        };
    }
}
