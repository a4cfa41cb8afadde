package org.pramaan.intake;
import org.pramaan.signals.AvHasher;


import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalExtractor;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;
import org.pramaan.hash.AvHashes;
import org.pramaan.banks.BankMatch;
import org.pramaan.hash.ContentDigests;
import org.pramaan.hash.Dihedral;
import org.pramaan.hash.DihedralHashes;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.image.ImageDecoder;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Assessor;
import org.pramaan.decision.JurisdictionPolicy;

/** Screens one file without storing anything: the CLI's {@code scan} and the HTTP intake both use it. */
public final class Screener {
    private final MediaProber prober;
    private final MediaLimits limits;
    private final List<SignalExtractor> extractors;
    private final PdqHasher pdqHasher;
    private final Assessor assessor;
    private final JurisdictionPolicy policy;
    private final HashBanks banks;
    private final AvHasher avHasher;

    public Screener(MediaProber prober, MediaLimits limits, List<SignalExtractor> extractors, PdqHasher pdqHasher,
                    Assessor assessor, JurisdictionPolicy policy, HashBanks banks) {
        this(prober, limits, extractors, pdqHasher, assessor, policy, banks, AvHasher.none());
    }

    /** @param avHasher vPDQ and audio fingerprints for videos and audio, through the decoder ports */
    public Screener(MediaProber prober, MediaLimits limits, List<SignalExtractor> extractors, PdqHasher pdqHasher,
                    Assessor assessor, JurisdictionPolicy policy, HashBanks banks, AvHasher avHasher) {
        this.avHasher = Objects.requireNonNull(avHasher, "avHasher");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.extractors = List.copyOf(extractors);
        this.pdqHasher = Objects.requireNonNull(pdqHasher, "pdqHasher");
        this.assessor = Objects.requireNonNull(assessor, "assessor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.banks = Objects.requireNonNull(banks, "banks");
    }

    public MediaLimits limits() { return limits; }

    public JurisdictionPolicy policy() { return policy; }

    public ScreeningReport screen(MediaSource source, UploadContext context) throws MediaRejectedException, IOException {
        MediaInfo info = prober.probe(source, limits);
        ContentDigests digests = ContentDigests.of(source);
        Optional<PdqResult> pdq = info.kind() == MediaKind.IMAGE ? Optional.of(pdq(source, info)) : Optional.empty();
        AvHashes av = avHasher.hash(source, info);
        List<Signal> signals = new ArrayList<>();
        signals.add(new Signal(SignalType.SHA256, digests.sha256(), SignalStrength.INFO, "whole file"));
        signals.add(new Signal(SignalType.MD5, digests.md5(), SignalStrength.INFO, "whole file"));
        pdq.ifPresent(p -> signals.add(new Signal(SignalType.PDQ, p.hash().toHex(), SignalStrength.INFO, "decoded pixels",
                Map.of("quality", Integer.toString(p.quality())))));
        for (SignalExtractor e : extractors) signals.addAll(e.extract(source, info));
        context.declaration().ifPresent(d -> signals.add(new Signal(SignalType.UPLOADER_DECLARATION,
                d.synthetic() ? "synthetic" : "not_synthetic", SignalStrength.MODERATE, "upload form",
                d.statement().isEmpty() ? Map.of() : Map.of("statement", d.statement()))));
        List<BankMatch> matches = banks.match(Optional.of(digests.sha256()), pdq, av);
        for (BankMatch m : matches) {
            Map<String, String> attrs = new java.util.LinkedHashMap<>();
            attrs.put("bankKind", m.kind().wireName());
            attrs.put("method", m.method());
            attrs.put("distance", Integer.toString(m.distance()));
            m.mediaId().ifPresent(v -> attrs.put("mediaId", v));
            m.caseId().ifPresent(v -> attrs.put("caseId", v));
            m.inert().ifPresent(v -> attrs.put("inert", v));
            attrs.putAll(m.details());
            if (!m.segments().isEmpty()) attrs.put("segments", segments(m.segments()));
            signals.add(new Signal(SignalType.HASH_BANK_MATCH, m.bank() + "#" + m.itemId(), m.acts() ? SignalStrength.STRONG : SignalStrength.INFO,
                    "hash bank '" + m.bank() + "'", attrs));
        }
        Assessment assessment = assessor.assess(signals);
        return new ScreeningReport(digests.sha256(), digests.md5(), info, pdq, signals, matches, assessment, policy.decide(assessment, matches), av);
    }

    /** {@code q0.000-19.000=s60.000-79.000;…}: query seconds and where they are in the banked video. */
    static String segments(List<org.pramaan.hash.VpdqSegment> segments) {
        return String.join(";", segments.stream().map(g -> String.format(java.util.Locale.ROOT, "q%.3f-%.3f=s%.3f-%.3f",
                g.queryStart(), g.queryEnd(), g.storedStart(), g.storedEnd())).toList());
    }

    /** All hashes of a file, without screening it: digests, for images PDQ with its 8 dihedral variants, for video and audio vPDQ and the fingerprint. */
    public record HashReport(MediaInfo info, ContentDigests digests, Optional<DihedralHashes> pdq, AvHashes av) {}

    /** A bank match and the rotation/flip of the query that produced it. */
    public record VariantMatch(BankMatch match, Dihedral variant) {}

    public HashReport hashes(MediaSource source) throws MediaRejectedException, IOException {
        MediaInfo info = prober.probe(source, limits);
        ContentDigests digests = ContentDigests.of(source);
        Optional<DihedralHashes> d = info.kind() == MediaKind.IMAGE ? Optional.of(pdqHasher.dihedral(decode(source, info))) : Optional.empty();
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
    public List<BankMatch> matchHashes(Optional<String> sha256, Optional<PdqResult> pdq) { return banks.match(sha256, pdq); }

    /** Matches vPDQ frames and/or an audio fingerprint given directly against banked videos and audio. */
    public List<BankMatch> matchHashes(AvHashes av) { return banks.match(Optional.empty(), Optional.empty(), av); }

    private PdqResult pdq(MediaSource source, MediaInfo info) throws MediaRejectedException {
        return pdqHasher.hash(decode(source, info));
    }

    private BufferedImage decode(MediaSource source, MediaInfo info) throws MediaRejectedException {
        BufferedImage image;
        try {
            image = ImageDecoder.decodeForHashing(source, info);
        } catch (IOException | RuntimeException e) {
            // Headers were fine but the pixels are not: refuse rather than store something undecodable.
            throw new MediaRejectedException(RejectionCode.CORRUPT, info.type() + " image could not be decoded: " + e.getMessage(), e);
        }
        return image;
    }
}
