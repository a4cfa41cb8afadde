package org.pramaan.generation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generation service keeps about one output (CN Deep Synthesis Provisions arts.9, 14, 17;
 * Labeling Measures art.9; the EU Code of Practice's fingerprint registry).
 *
 * @param id              the record id, also the GB 45438 {@code ProduceID} written into the output
 * @param promptSha256    SHA-256 of the prompt's UTF-8 bytes: enough to match a later complaint, not to read it
 * @param prompt          the prompt itself, only when {@code generation.keep-prompts=true}
 * @param realNameMethod  how the user's real name was verified (CN DSP art.9), empty when not verified
 * @param consentIds      a consent for every real person whose face or voice was edited (art.14)
 * @param sha256          of the marked output, as banked
 * @param pdq             PDQ of the marked output (images), as banked
 * @param bankedHashes    the hash kinds banked in {@code generated}: sha256, pdq, vPDQ frames, audio fingerprint
 * @param marks           the marks actually applied, in order ({@link MarkStep#name()} values): nothing is
 *                        claimed that was not applied
 * @param unlabelled      the user asked for the output without the explicit label (Labeling Measures art.9)
 * @param dutyAgreed      the user agreed to their labelling duty (required when {@code unlabelled})
 * @param filingNumber    the service's algorithm filing number (CN DSP arts.19-20), when configured
 * @param retainUntil     kept at least until then (CN: six months)
 */
public record GenerationRecord(
        String id,
        String modelId,
        String modelVersion,
        String promptSha256,
        Optional<String> prompt,
        String userId,
        boolean realNameVerified,
        String realNameMethod,
        List<String> consentIds,
        String format,
        String sha256,
        Optional<String> pdq,
        List<String> bankedHashes,
        List<String> marks,
        String profile,
        boolean unlabelled,
        boolean dutyAgreed,
        Optional<String> filingNumber,
        Optional<String> c2paManifest,
        String recordedBy,
        Instant createdAt,
        Instant retainUntil) {
    public GenerationRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(promptSha256, "promptSha256");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(realNameMethod, "realNameMethod");
        consentIds = List.copyOf(consentIds);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(pdq, "pdq");
        bankedHashes = List.copyOf(bankedHashes);
        marks = List.copyOf(marks);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(filingNumber, "filingNumber");
        Objects.requireNonNull(c2paManifest, "c2paManifest");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retainUntil, "retainUntil");
    }
}
