package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/**
 * Hashing of assets with exclusions (C2PA 2.2 §18.5) and of BMFF assets with top-level box offsets
 * (§18.6.3, v2/v3: each box not wholly excluded is preceded by its 8-byte big-endian file offset).
 * Only SHA-256/384/512 are allowed (§13.1).
 */
final class Hashing {
    /** A half-open byte range [start, end). */
    record Range(long start, long end) {}

    private Hashing() {}

    static Optional<MessageDigest> digest(String alg) {
        String jca = switch (alg) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> "";
        };
        if (jca.isEmpty()) return Optional.empty();
        try {
            return Optional.of(MessageDigest.getInstance(jca));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    static byte[] of(String alg, byte[] b, int from, int to) {
        MessageDigest md = digest(alg).orElseThrow();
        md.update(b, from, to - from);
        return md.digest();
    }

    /**
     * Hashes {@code src} without {@code excluded}; at each of {@code marks} inside the hashed span the
     * 8-byte offset is fed first. Empty when an exclusion runs past the end of the asset.
     */
    static Optional<byte[]> asset(MessageDigest md, MediaSource src, List<Range> excluded, List<Long> marks)
            throws IOException {
        long size = src.size();
        List<Range> ex = new ArrayList<>(excluded);
        ex.sort(Comparator.comparingLong(Range::start));
        List<Range> included = new ArrayList<>();
        long cur = 0;
        for (Range r : ex) {
            if (r.end() > size || r.start() < 0 || r.end() < r.start()) return Optional.empty();
            if (r.start() > cur) included.add(new Range(cur, r.start()));
            cur = Math.max(cur, r.end());
        }
        if (cur < size) included.add(new Range(cur, size));
        List<Long> m = marks.stream().sorted().toList();
        int mi = 0;
        long first = included.isEmpty() ? 0 : included.get(0).start();
        for (Range r : included) {
            long p = r.start();
            while (mi < m.size() && m.get(mi) < r.end()) {
                long mark = m.get(mi++);
                if (mark < p) {
                    if (mark > first) feedOffset(md, mark); // a box start inside an excluded span (subset exclusions)
                    continue;
                }
                feed(md, src, p, mark);
                feedOffset(md, mark);
                p = mark;
            }
            feed(md, src, p, r.end());
        }
        return Optional.of(md.digest());
    }

    private static void feedOffset(MessageDigest md, long v) {
        for (int i = 7; i >= 0; i--) md.update((byte) (v >>> (8 * i)));
    }

    /** In-memory assets (every upload, the bench) are hashed in place rather than copied through a buffer first. */
    private static void feed(MessageDigest md, MediaSource src, long from, long to) throws IOException {
        if (to > from) src.digest(from, to - from, md);
    }
}
