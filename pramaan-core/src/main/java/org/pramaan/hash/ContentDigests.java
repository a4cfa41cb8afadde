package org.pramaan.hash;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pramaan.media.MediaSource;

/** Exact digests of a file's bytes: SHA-256 identifies media in Pramaan; MD5 is for exchange with hash-sharing programmes. */
public record ContentDigests(String sha256, String md5) {
    public static ContentDigests of(MediaSource src) throws IOException {
        MessageDigest sha = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        byte[] buf = new byte[1 << 16];
        long pos = 0;
        long size = src.size();
        while (pos < size) {
            int n = (int) Math.min(buf.length, size - pos);
            src.readFully(pos, buf, 0, n);
            sha.update(buf, 0, n);
            md5.update(buf, 0, n);
            pos += n;
        }
        return new ContentDigests(
                HexFormat.of().formatHex(sha.digest()), HexFormat.of().formatHex(md5.digest()));
    }

    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }
}
