package org.pramaan.detect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.errors.Invalid;

/**
 * A reviewer's finding on one model score of one item (issue 16, reviewer feedback loop): the raw score and the
 * calibrated probability the screening recorded, and what the person found the item to be. One per (media, model,
 * version, scope); these rows are what {@code pramaan detect export-labels} writes for the next calibration.
 *
 * @param mediaId      the media's SHA-256
 * @param modelId      the model's manifest id
 * @param modelVersion the model's manifest version
 * @param scope        which part of the item the score is for: {@code image}, {@code face N}, {@code video},
 *                     {@code track N}
 * @param raw          the model's raw output at screening
 * @param probability  the calibrated probability at screening (under the calibration of that time)
 * @param finding      what the reviewer found
 * @param family       the generator family, when the reviewer knows it
 * @param reviewer     who found it (an actor's wire name)
 * @param labelledAt   when (the resolution's audit time)
 * @param caseId       the case whose decision gave the finding; empty for a screening review
 */
public record ReviewLabel(
        String mediaId,
        String modelId,
        String modelVersion,
        String scope,
        double raw,
        double probability,
        Finding finding,
        Optional<String> family,
        String reviewer,
        Instant labelledAt,
        Optional<String> caseId) {
    /** Longest generator family name. */
    public static final int MAX_FAMILY = 64;
    /** Longest id, version or scope stored (manifest fields are shorter; this bounds a hostile store row). */
    public static final int MAX_FIELD = 256;

    public ReviewLabel {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(labelledAt, "labelledAt");
        // Rows stored before case decisions gave findings have no caseId: they came from screening reviews.
        if (caseId == null) caseId = Optional.empty();
        if (caseId.isPresent() && (caseId.get().isEmpty() || caseId.get().length() > MAX_FIELD))
            throw new IllegalArgumentException("a case id is 1.." + MAX_FIELD + " characters");
        if (!Double.isFinite(raw)) throw new IllegalArgumentException("a raw score is a finite number: " + raw);
        if (!(probability >= 0 && probability <= 1))
            throw new IllegalArgumentException("a probability lies in [0, 1]: " + probability);
        for (String f : new String[] {mediaId, modelId, modelVersion, scope})
            if (f.isEmpty() || f.length() > MAX_FIELD)
                throw new IllegalArgumentException("ids, versions and scopes are 1.." + MAX_FIELD + " characters");
    }

    /** A screening review's label (no case). */
    public ReviewLabel(
            String mediaId,
            String modelId,
            String modelVersion,
            String scope,
            double raw,
            double probability,
            Finding finding,
            Optional<String> family,
            String reviewer,
            Instant labelledAt) {
        this(
                mediaId,
                modelId,
                modelVersion,
                scope,
                raw,
                probability,
                finding,
                family,
                reviewer,
                labelledAt,
                Optional.empty());
    }

    /** The same label recorded at {@code at}. */
    public ReviewLabel withLabelledAt(Instant at) {
        return new ReviewLabel(
                mediaId, modelId, modelVersion, scope, raw, probability, finding, family, reviewer, at, caseId);
    }

    /** The same label given by a decision on case {@code id} (issue 16: findings on case decisions). */
    public ReviewLabel withCaseId(String id) {
        return new ReviewLabel(
                mediaId,
                modelId,
                modelVersion,
                scope,
                raw,
                probability,
                finding,
                family,
                reviewer,
                labelledAt,
                Optional.of(id));
    }

    /** Where the finding came from, as the export's {@code source} column: {@code screening} or {@code case:<id>}. */
    public String source() {
        return caseId.map(id -> "case:" + id).orElse("screening");
    }

    /** The key a later resolution replaces. */
    public String key() {
        return mediaId + "\u0000" + modelId + "\u0000" + modelVersion + "\u0000" + scope;
    }

    /**
     * A reviewer's generator family: 1 to {@value #MAX_FAMILY} characters of ASCII letters, digits, {@code .},
     * {@code _}, {@code -} (it becomes a CSV field and a per-family report row, so nothing that needs quoting).
     *
     * @throws Invalid naming {@code family}
     */
    public static String family(String s) {
        if (s.isEmpty() || s.length() > MAX_FAMILY)
            throw new Invalid("family", "family is " + s.length() + " characters; 1 to " + MAX_FAMILY + " are allowed");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok)
                throw new Invalid(
                        "family",
                        "family '" + org.pramaan.limits.PlainText.controlsAsQuestionMarks(s) + "' has '"
                                + (c < 32 || c == 127 ? "?" : String.valueOf(c))
                                + "' at " + i + "; only letters, digits, '.', '_' and '-' are allowed");
        }
        return s;
    }
}
