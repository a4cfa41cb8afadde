package org.pramaan.hash;

import java.util.Objects;

/** A PDQ hash with its quality (0..100); hashes with quality below 50 should not be matched (pytx QUALITY_THRESHOLD). */
public record PdqResult(Hash256 hash, int quality) {
    public static final int MATCHABLE_QUALITY = 50;

    public PdqResult {
        Objects.requireNonNull(hash, "hash");
        if (quality < 0 || quality > 100) throw new IllegalArgumentException("quality must be 0..100, got " + quality);
    }

    public boolean matchable() {
        return quality >= MATCHABLE_QUALITY;
    }
}
