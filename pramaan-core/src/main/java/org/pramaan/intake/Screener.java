package org.pramaan.intake;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Assessor;
import org.pramaan.banks.BankMatch;
import org.pramaan.banks.HashBanks;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.ContentDigests;
import org.pramaan.hash.Dihedral;
import org.pramaan.hash.DihedralHashes;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.signals.AvHasher;
import org.pramaan.signals.ContentDigestExtractor;
import org.pramaan.signals.PdqExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalExtractor;
import org.pramaan.signals.SignalExtractors;
import org.pramaan.signals.SignalInput;

/**
 * Screens one file without storing anything: probe, run the extractor list, assess, decide. The
 * CLI's {@code scan} and the HTTP intake both use it; the hash-only routes use {@link #hashes}.
 */
public final class Screener {
    private final MediaProber prober;
    private final MediaLimits limits;
    private final List<SignalExtractor> extractors;
    private final Assessor assessor;
    private final JurisdictionPolicy policy;
    private final HashBanks banks;
    private final PdqExtractor pdq;
    private final AvHasher avHasher;

    /**
     * @param extractors every signal source in report order, usually {@link SignalExtractors#standard}; it
     *                   must compute the content digests (the file's identity), so it holds a {@link ContentDigestExtractor}
     * @param pdq        PDQ for {@link #hashes} (all 8 dihedral variants); screening hashes through the list
     * @param avHasher   vPDQ and audio fingerprints for {@link #hashes}, through the decoder ports
     * @param banks      what {@link #matchAllVariants} and {@link #matchHashes} match against
     */
    public Screener(
            MediaProber prober,
            MediaLimits limits,
            List<SignalExtractor> extractors,
            Assessor assessor,
            JurisdictionPolicy policy,
            HashBanks banks,
            PdqExtractor pdq,
            AvHasher avHasher) {
        this.prober = Objects.requireNonNull(prober, "prober");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.extractors = List.copyOf(extractors);
        // Bad wiring stops start-up (DEV-GUIDELINES 5), not the first upload.
        if (this.extractors.stream().noneMatch(e -> e instanceof ContentDigestExtractor))
            throw new IllegalArgumentException(
                    "the signal extractor list has no ContentDigestExtractor: screening needs the file's SHA-256 and MD5");
        this.assessor = Objects.requireNonNull(assessor, "assessor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.banks = Objects.requireNonNull(banks, "banks");
        this.pdq = Objects.requireNonNull(pdq, "pdq");
        this.avHasher = Objects.requireNonNull(avHasher, "avHasher");
    }

    public MediaLimits limits() {
        return limits;
    }

    public JurisdictionPolicy policy() {
        return policy;
    }

    public ScreeningReport screen(MediaSource source, UploadContext context)
            throws MediaRejectedException, IOException {
        MediaInfo info = prober.probe(source, limits);
        SignalInput input = new SignalInput(source, info, context.declaration());
        List<Signal> signals = SignalExtractors.run(extractors, input);
        ContentDigests digests =
                input.get(SignalInput.DIGESTS).orElseThrow(); // the constructor made sure an extractor computes them
        List<BankMatch> matches = input.get(SignalInput.BANK_MATCHES).orElse(List.of());
        Assessment assessment = assessor.assess(signals);
        return new ScreeningReport(
                digests.sha256(),
                digests.md5(),
                info,
                input.get(SignalInput.PDQ),
                signals,
                matches,
                assessment,
                policy.decide(assessment, matches),
                input.get(SignalInput.AV_HASHES).orElse(AvHashes.NONE));
    }

    /** All hashes of a file, without screening it: digests, for images PDQ with its 8 dihedral variants, for video and audio vPDQ and the fingerprint. */
    public record HashReport(MediaInfo info, ContentDigests digests, Optional<DihedralHashes> pdq, AvHashes av) {}

    /** A bank match and the rotation/flip of the query that produced it. */
    public record VariantMatch(BankMatch match, Dihedral variant) {}

    public HashReport hashes(MediaSource source) throws MediaRejectedException, IOException {
        MediaInfo info = prober.probe(source, limits);
        ContentDigests digests = ContentDigests.of(source);
        Optional<DihedralHashes> d =
                info.kind() == MediaKind.IMAGE ? Optional.of(pdq.dihedral(source, info)) : Optional.empty();
        return new HashReport(info, digests, d, avHasher.hash(source, info));
    }

    /**
     * Matches the exact digest and every dihedral variant of the PDQ hash, so a rotated or mirrored
     * re-upload is found; per bank item the closest variant is kept, the original on ties.
     */
    public List<VariantMatch> matchAllVariants(HashReport r) {
        java.util.Map<Long, VariantMatch> best = new java.util.LinkedHashMap<>();
        for (Dihedral v : Dihedral.values()) {
            Optional<PdqResult> q = r.pdq().map(d -> new PdqResult(d.get(v), d.quality()));
            Optional<String> sha = v == Dihedral.ORIG ? Optional.of(r.digests().sha256()) : Optional.empty();
            for (BankMatch m : banks.match(sha, q, v == Dihedral.ORIG ? r.av() : AvHashes.NONE)) {
                VariantMatch old = best.get(m.itemId());
                if (old == null || m.distance() < old.match().distance()) best.put(m.itemId(), new VariantMatch(m, v));
            }
        }
        return List.copyOf(best.values());
    }

    /** Matches hashes given directly (no file), as partners and HMA-style clients send them. */
    public List<BankMatch> matchHashes(Optional<String> sha256, Optional<PdqResult> pdq) {
        return banks.match(sha256, pdq);
    }

    /** Matches vPDQ frames and/or an audio fingerprint given directly against banked videos and audio. */
    public List<BankMatch> matchHashes(AvHashes av) {
        return banks.match(Optional.empty(), Optional.empty(), av);
    }
}
