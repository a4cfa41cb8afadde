package org.pramaan.backscan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item's outcome in one job, stored once per (job, item key): writing it again is a no-op, so
 * a batch redone after a crash adds nothing twice.
 *
 * @param itemKey the item's place in the job's order (a media id, a relative path, a list position)
 * @param item    what the item is to a person (the media id, the path, the id or URL as given)
 * @param sha256  the bytes' SHA-256 when they were read
 * @param hits    the acting bank items it matched
 * @param action  what the policy made of a match
 * @param ref     the review's media id or the case id the action created
 * @param detail  why an item is an error, or what the action did
 */
public record ScanResult(
        String jobId,
        String itemKey,
        String item,
        Outcome outcome,
        Optional<String> sha256,
        List<Hit> hits,
        Action action,
        Optional<String> ref,
        String detail,
        Instant at) {
    public enum Outcome {
        CLEAN,
        MATCHED,
        ERROR
    }

    /** NONE for clean and error items; LISTED when a match could only be listed (already removed or blocked). */
    public enum Action {
        NONE,
        REVIEW,
        CASE,
        LISTED
    }

    /** One bank item matched, how and how close (PDQ Hamming distance; 0 for exact and vPDQ). */
    public record Hit(String bank, long itemId, String method, int distance) {
        public Hit {
            Objects.requireNonNull(bank, "bank");
            Objects.requireNonNull(method, "method");
        }
    }

    public ScanResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(sha256, "sha256");
        hits = List.copyOf(hits);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    ScanResult withAction(Action a, Optional<String> r, String d) {
        return new ScanResult(jobId, itemKey, item, outcome, sha256, hits, a, r, d, at);
    }
}
