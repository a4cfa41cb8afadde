package org.pramaan.likeness;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enrolled person. Holds embeddings only: the reference images they came from are discarded
 * once embedded (issue 16), so a stolen registry gives no photographs.
 *
 * @param id          server-assigned ({@code pp_} and random hex); what signals, reasons and the audit log name
 * @param displayName how the operator's staff know the person (shown to admins only, never in reasons)
 * @param reference   the operator's own reference (a ticket, a contract number)
 * @param consent     who consented, when, and where the signed consent is kept
 * @param caseId      the person's standing complaint, when they have one: matches are recorded on it
 * @param embeddings  one per reference image or voice sample, at least one
 */
public record ProtectedPerson(
        String id,
        String displayName,
        String reference,
        Consent consent,
        Optional<String> caseId,
        List<Embedding> embeddings,
        Instant createdAt,
        Instant updatedAt) {
    public ProtectedPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(caseId, "caseId");
        embeddings = List.copyOf(embeddings);
        if (embeddings.isEmpty()) throw new IllegalArgumentException("a protected person has at least one embedding");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** How many of the person's embeddings describe {@code modality} (a face per image, a voice per sample). */
    public long count(LikenessModality modality) {
        return embeddings.stream().filter(e -> e.modality() == modality).count();
    }
}
