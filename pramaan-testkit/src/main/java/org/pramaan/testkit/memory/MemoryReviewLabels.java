package org.pramaan.testkit.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.detect.ReviewLabels;

final class MemoryReviewLabels implements ReviewLabels {
    private final MemoryStore store;

    MemoryReviewLabels(MemoryStore store) {
        this.store = store;
    }

    /** Checks a replacement as every adapter must: all of one media, no key twice. */
    static void check(String mediaId, List<ReviewLabel> labels) {
        Set<String> keys = new HashSet<>();
        for (ReviewLabel l : labels) {
            if (!l.mediaId().equals(mediaId))
                throw new IllegalArgumentException("a label of media " + l.mediaId() + " among those of " + mediaId);
            if (!keys.add(l.key()))
                throw new IllegalArgumentException("two labels for " + l.modelId() + " " + l.modelVersion() + " "
                        + l.scope() + " of media " + mediaId);
        }
    }

    @Override
    public void replaceForMedia(String mediaId, List<ReviewLabel> labels) {
        check(mediaId, labels);
        store.atomically(t -> {
            t.reviewLabels.values().removeIf(l -> l.mediaId().equals(mediaId));
            for (ReviewLabel l : labels) t.reviewLabels.put(l.key(), l);
            return null;
        });
    }

    @Override
    public List<ReviewLabel> forMedia(String mediaId) {
        return store.locked(t -> t.reviewLabels.values().stream()
                .filter(l -> l.mediaId().equals(mediaId))
                .toList());
    }

    @Override
    public List<ReviewLabel> forModel(String modelId, Optional<String> version, Optional<Instant> since, int limit) {
        return store.locked(t -> t.reviewLabels.values().stream()
                .filter(l -> l.modelId().equals(modelId))
                .filter(l -> version.isEmpty() || version.get().equals(l.modelVersion()))
                .filter(l -> since.isEmpty() || !l.labelledAt().isBefore(since.get()))
                .sorted(Comparator.comparing(ReviewLabel::labelledAt)
                        .thenComparing(ReviewLabel::mediaId)
                        .thenComparing(ReviewLabel::modelVersion)
                        .thenComparing(ReviewLabel::scope))
                .limit(limit)
                .toList());
    }
}
