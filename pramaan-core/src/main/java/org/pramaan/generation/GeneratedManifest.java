package org.pramaan.generation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.errors.Invalid;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;

/**
 * The C2PA manifest of a generated output, signed last because it hashes the final bytes:
 * {@code c2pa.created} with the {@code trainedAlgorithmicMedia} source type (C2PA 2.2 §18.14.2), then one
 * action per mark step that marked the file, in the order they were applied (§18.14: the actions are
 * chronological), so the manifest says what the record's step list says: the visible label as
 * {@code c2pa.edited}, our watermark as {@code c2pa.watermarked.unbound}.
 */
final class GeneratedManifest {
    private GeneratedManifest() {}

    /** The request for an output made by {@code ctx}'s model and marked by {@code applied}. */
    static ManifestRequest request(GenerationContext ctx, List<MarkStep> applied, MarkStep.Request req) {
        List<ManifestRequest.Step> steps = new ArrayList<>();
        for (MarkStep s : applied) s.c2paAction(req).ifPresent(steps::add);
        return ManifestRequest.created("trainedAlgorithmicMedia", ctx.modelId() + " " + ctx.modelVersion())
                .withSteps(steps);
    }

    /** Signs {@code out} when there is a key and the format can carry a manifest; empty otherwise. */
    static Optional<C2paSigner.Signed> sign(
            Optional<C2paSigner> signer,
            byte[] out,
            GenerationContext ctx,
            List<MarkStep> applied,
            MarkStep.Request req)
            throws IOException {
        if (signer.isEmpty() || C2paSigner.signableFormat(out).isEmpty()) return Optional.empty();
        try {
            return Optional.of(signer.get().sign(out, request(ctx, applied, req), C2paSigner.Placement.EMBEDDED));
        } catch (IllegalArgumentException e) {
            throw new Invalid("file", "file: " + e.getMessage());
        }
    }
}
