package org.pramaan.likeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The enrolled embeddings screening compares each uploaded face with, held in memory as an
 * immutable snapshot replaced whole after each committed enrolment or deletion (a reader never sees
 * half of one). The search is brute force: one dot product per enrolled embedding, about 10k
 * persons × a few embeddings × 512 values is some tens of millions of multiply-adds per face, a
 * few milliseconds on one core; beyond that an approximate nearest-neighbour index would be needed.
 * Each node loads it from the store at start and refreshes it after its own changes. A change made
 * on another node (a shared PostgreSQL) is seen through the store's change marker
 * ({@link ProtectedPersons#revision}): built with a clock and an interval, the index compares the
 * marker at most once per interval before a search and re-reads the registry only when it moved, so
 * an erasure on one node stops matches on every node within about one interval.
 */
public final class LikenessIndex {
    /**
     * One face's best match.
     *
     * @param similarity cosine similarity with the closest of the person's embeddings
     */
    public record Match(
            String personId, Optional<String> caseId, double similarity, String model, String modelVersion) {
        public Match {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(modelVersion, "modelVersion");
        }
    }

    private record Entry(String personId, Optional<String> caseId, Embedding embedding) {}

    private final ProtectedPersons store;
    private final Optional<Clock> clock;
    private final Duration refresh;
    private volatile List<Entry> entries = List.of();
    /** The store's revision the entries were read at; none before the first read. */
    private volatile long revision = Long.MIN_VALUE;
    /** When the marker is compared next (guarded by this). */
    private volatile Instant nextCheck = Instant.MIN;

    /** An index refreshed only by {@link #reload} (a single process, or a tool that reads once). */
    public LikenessIndex(ProtectedPersons store) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Optional.empty();
        this.refresh = Duration.ZERO;
    }

    /**
     * An index that also follows changes made by other nodes: before a search it compares the store's
     * {@link ProtectedPersons#revision} with the one it read, at most once per {@code refresh} by {@code clock}
     * ({@link Duration#ZERO}: before every search).
     */
    public LikenessIndex(ProtectedPersons store, Clock clock, Duration refresh) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Optional.of(Objects.requireNonNull(clock, "clock"));
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        if (refresh.isNegative()) throw new IllegalArgumentException("refresh interval is negative: " + refresh);
    }

    /** Reads every enrolled person from the store again. */
    public synchronized void reload() {
        // The marker is read first: a change committing during the read below moves it past this value, so the
        // next check reads again rather than keeping a snapshot that misses the change.
        long at = store.revision();
        List<Entry> next = new ArrayList<>();
        for (ProtectedPerson p : store.all())
            for (Embedding e : p.embeddings()) next.add(new Entry(p.id(), p.caseId(), e));
        entries = List.copyOf(next);
        revision = at;
    }

    /**
     * Re-reads the registry when the store's change marker moved since the last read, comparing it at most once per
     * refresh interval; does nothing for an index built without a clock. Returns whether it re-read.
     */
    public boolean refreshIfChanged() {
        if (clock.isEmpty()) return false;
        Instant now = clock.get().instant();
        if (now.isBefore(nextCheck)) return false;
        synchronized (this) {
            if (now.isBefore(nextCheck)) return false; // another thread checked meanwhile
            nextCheck = now.plus(refresh);
            if (store.revision() == revision) return false;
            reload();
            return true;
        }
    }

    /**
     * How many embeddings are held, after {@link #refreshIfChanged}: screening skips the search when it is zero, so
     * this is where an index that was empty learns of a first enrolment made on another node.
     */
    public int size() {
        refreshIfChanged();
        return entries.size();
    }

    /** How many embeddings of this modality, made by this model and version, are held. */
    public int size(LikenessModality modality, String model, String modelVersion) {
        int n = 0;
        for (Entry e : entries) {
            Embedding em = e.embedding();
            if (em.modality() == modality
                    && em.model().equals(model)
                    && em.modelVersion().equals(modelVersion)) n++;
        }
        return n;
    }

    /**
     * The enrolled person most similar to {@code face} at or above {@code threshold}, among
     * embeddings made by the same model and version; empty when none reaches it (a result, not a
     * failure).
     */
    public Optional<Match> best(
            LikenessModality modality, String model, String modelVersion, Vector face, double threshold) {
        refreshIfChanged();
        Entry best = null;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (Entry e : entries) {
            Embedding em = e.embedding();
            if (em.modality() != modality
                    || !em.model().equals(model)
                    || !em.modelVersion().equals(modelVersion)
                    || em.vector().dims() != face.dims()) continue;
            double s = em.vector().cosine(face);
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = e;
            }
        }
        if (best == null || bestSimilarity < threshold) return Optional.empty();
        return Optional.of(new Match(best.personId(), best.caseId(), bestSimilarity, model, modelVersion));
    }
}
