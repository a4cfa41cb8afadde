package org.pramaan.backscan;

import java.time.Instant;
import java.util.Objects;

/** A node's hold on a running job: only the holder works it, until {@code until} unless renewed (issue 15). */
public record ScanLease(String node, Instant until) {
    public ScanLease {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(until, "until");
    }
}
