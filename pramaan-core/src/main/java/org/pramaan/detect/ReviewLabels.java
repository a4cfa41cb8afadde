package org.pramaan.detect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: reviewers' findings on model scores (issue 16, reviewer feedback loop), one row per (media, model, version,
 * scope). Writes join the store's unit of work, so a resolution and its labels commit together.
 */
public interface ReviewLabels {
    /** Most rows one export reads. */
    int MAX_EXPORT = 5_000_000;

    /**
     * Replaces every row of {@code mediaId} with {@code labels} (all of that media): a later resolution of the same
     * bytes is the reviewer's latest word, and scores from the newer screening replace the older ones.
     *
     * @throws IllegalArgumentException when a label is for another media id, or two share a key
     */
    void replaceForMedia(String mediaId, List<ReviewLabel> labels);

    /** The rows of one media, by model, version and scope. */
    List<ReviewLabel> forMedia(String mediaId);

    /**
     * The rows of one model (and version, when given) labelled at or after {@code since}, oldest first (then by
     * media id, version and scope), at most {@code limit}.
     */
    List<ReviewLabel> forModel(String modelId, Optional<String> version, Optional<Instant> since, int limit);
}
