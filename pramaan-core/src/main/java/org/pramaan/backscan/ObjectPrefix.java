package org.pramaan.backscan;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.pramaan.errors.Invalid;

/**
 * A bucket and key prefix of the platform's own object storage to scan.
 *
 * @param bucket an S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or
 *     digit, no '..': Amazon S3 bucket naming rules)
 * @param prefix a key prefix, empty for the whole bucket; at most 1024 bytes of UTF-8 (S3's key limit), no control
 *     characters
 */
public record ObjectPrefix(String bucket, String prefix) {
    /** S3 object keys are at most 1024 bytes of UTF-8. */
    public static final int MAX_KEY_BYTES = 1024;

    public ObjectPrefix {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * A prefix checked as a client gave it.
     *
     * @throws Invalid naming {@code source.bucket} or {@code source.prefix}
     */
    public static ObjectPrefix checked(String bucket, String prefix) {
        if (!bucketName(bucket))
            throw new Invalid(
                    "source.bucket",
                    "source.bucket '" + BackScans.clip(bucket) + "' is not an S3 bucket name (3-63 characters of"
                            + " a-z, 0-9, '.' and '-', starting and ending with a letter or digit)");
        if (prefix.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES)
            throw new Invalid("source.prefix", "source.prefix is longer than " + MAX_KEY_BYTES + " bytes of UTF-8");
        for (int i = 0; i < prefix.length(); ) {
            int cp = prefix.codePointAt(i); // a lone surrogate comes back as itself, which is not UTF-8 encodable
            if (Character.isISOControl(cp) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
                throw new Invalid(
                        "source.prefix", "source.prefix has a control character or a lone surrogate at index " + i);
            i += Character.charCount(cp);
        }
        return new ObjectPrefix(bucket, prefix);
    }

    private static boolean bucketName(String b) {
        if (b.length() < 3 || b.length() > 63 || b.contains("..")) return false;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && c != '.' && c != '-') return false;
            if ((i == 0 || i == b.length() - 1) && !alnum) return false;
        }
        return true;
    }

    /** How an item of this prefix is shown: {@code s3://bucket/key}. */
    public String label(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
