package org.pramaan.likeness;

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
 * Each node loads it from the store at start and refreshes it after its own changes; a change made
 * on another node is seen after {@link #reload}.
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
    private volatile List<Entry> entries = List.of();

    public LikenessIndex(ProtectedPersons store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Reads every enrolled person from the store again. */
    public void reload() {
        List<Entry> next = new ArrayList<>();
        for (ProtectedPerson p : store.all())
            for (Embedding e : p.embeddings()) next.add(new Entry(p.id(), p.caseId(), e));
        entries = List.copyOf(next);
    }

    /** How many embeddings are held. */
    public int size() {
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
