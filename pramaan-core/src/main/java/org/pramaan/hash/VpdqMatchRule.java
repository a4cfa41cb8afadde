package org.pramaan.hash;

/**
 * The two published ways of counting matched frames; they disagree on 44 of the 256 sample pairs
 * (testdata/vpdq/README.md, "Matching"), so callers say which they mean.
 */
public enum VpdqMatchRule {
    /**
     * vpdq/README.md and python-threatexchange: each side reduced to unique hashes (first kept),
     * a frame pair matches at distance {@code <= D}.
     */
    README_UNIQUE_HASHES,
    /** vpdq/cpp {@code matchTwoHashBrute}: duplicate frames kept, a pair matches at distance {@code < D}. */
    CPP_BRUTE
}
