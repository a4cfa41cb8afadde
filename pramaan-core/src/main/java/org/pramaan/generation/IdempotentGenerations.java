package org.pramaan.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.errors.Invalid;

/**
 * Generations with a client's {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header-07):
 * at most one record and one {@code generated} bank entry per (API key, key). The key is stored in the
 * record's own unit of work, with the output it answered, so a retry (also after a restart) gets the
 * same record id and the same bytes back. Two concurrent first requests both mark their file, but only
 * the unit that stores the key first commits; the other rolls back and answers the winner's record.
 *
 * <p>Why not the generic idempotency layer: its stored response keeps status, type and body only, so a
 * replay would lose the {@code Pramaan-Generation-Id} header.
 */
public final class IdempotentGenerations {
    /** The same key was used by this API key for a different request (context or file). */
    public static final String KEY_REUSED = "generation.idempotency_key_reused";

    private final Generations generations;
    private final GenerationRepository repository;

    public IdempotentGenerations(Generations generations, GenerationRepository repository) {
        this.generations = Objects.requireNonNull(generations, "generations");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** SHA-256 over the context JSON's and the file's own SHA-256: what a retry must repeat exactly. */
    public static String requestSha256(String contextJson, byte[] file) {
        String both =
                Generations.sha256(contextJson.getBytes(StandardCharsets.UTF_8)) + "\n" + Generations.sha256(file);
        return Generations.sha256(both.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records the generation once per {@code (scope, key)}; a retry with the same request gets the first
     * record and output back, {@link Generations.Generated#replayed()} set.
     *
     * @throws Invalid {@value #KEY_REUSED} when the key was used for a different request
     */
    public Generations.Generated record(
            byte[] file, GenerationContext ctx, Actor actor, String scope, String key, String requestSha256)
            throws IOException {
        Optional<Generations.Generated> earlier = replay(scope, key, requestSha256);
        if (earlier.isPresent()) return earlier.get();
        try {
            return generations.record(file, ctx, actor, (rec, out) -> {
                if (!repository.saveKey(new GenerationKey(scope, key, requestSha256, rec.id()), out))
                    throw new KeyTaken(); // rolls this unit back: no second record, bank entry or audit line
            });
        } catch (KeyTaken e) {
            return replay(scope, key, requestSha256)
                    .orElseThrow(() -> new IllegalStateException("idempotency key stored but its record is missing"));
        }
    }

    private Optional<Generations.Generated> replay(String scope, String key, String requestSha256) {
        Optional<GenerationKey> k = repository.key(scope, key);
        if (k.isEmpty()) return Optional.empty();
        if (!k.get().requestSha256().equals(requestSha256))
            throw new Invalid(
                    KEY_REUSED,
                    "Idempotency-Key",
                    "Idempotency-Key '" + key + "' was already used by this API key for generation "
                            + k.get().recordId()
                            + " with a different context or file; use a new key for a new generation",
                    null);
        GenerationRecord rec = repository
                .find(k.get().recordId())
                .orElseThrow(
                        () -> new IllegalStateException("generation " + k.get().recordId() + " is missing"));
        byte[] out = repository.keyedOutput(scope, key).orElseThrow();
        return Optional.of(new Generations.Generated(rec, out, true));
    }

    /** Thrown inside the unit of work when another request stored the key first. */
    private static final class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
