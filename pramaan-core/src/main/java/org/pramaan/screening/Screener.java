package org.pramaan.screening;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.detection.Signal;
import org.pramaan.detection.SignalExtractor;
import org.pramaan.detection.SignalStrength;
import org.pramaan.detection.SignalType;
import org.pramaan.hash.BankMatch;
import org.pramaan.hash.ContentDigests;
import org.pramaan.hash.HashBanks;
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
import org.pramaan.policy.Assessment;
import org.pramaan.policy.Assessor;
import org.pramaan.policy.JurisdictionPolicy;

/** Screens one file without storing anything: the CLI's {@code scan} and the HTTP intake both use it. */
public final class Screener {
    private final MediaProber prober;
    private final MediaLimits limits;
    private final List<SignalExtractor> extractors;
    private final PdqHasher pdqHasher;
    private final Assessor assessor;
    private final JurisdictionPolicy policy;
    private final HashBanks banks;

    public Screener(MediaProber prober, MediaLimits limits, List<SignalExtractor> extractors, PdqHasher pdqHasher,
                    Assessor assessor, JurisdictionPolicy policy, HashBanks banks) {
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
        List<Signal> signals = new ArrayList<>();
        signals.add(new Signal(SignalType.SHA256, digests.sha256(), SignalStrength.INFO, "whole file"));
        signals.add(new Signal(SignalType.MD5, digests.md5(), SignalStrength.INFO, "whole file"));
        pdq.ifPresent(p -> signals.add(new Signal(SignalType.PDQ, p.hash().toHex(), SignalStrength.INFO, "decoded pixels",
                Map.of("quality", Integer.toString(p.quality())))));
        for (SignalExtractor e : extractors) signals.addAll(e.extract(source, info));
        context.declaration().ifPresent(d -> signals.add(new Signal(SignalType.UPLOADER_DECLARATION,
                d.synthetic() ? "synthetic" : "not_synthetic", SignalStrength.MODERATE, "upload form",
                d.statement().isEmpty() ? Map.of() : Map.of("statement", d.statement()))));
        List<BankMatch> matches = banks.match(digests.sha256(), pdq);
        for (BankMatch m : matches) {
            Map<String, String> attrs = new java.util.LinkedHashMap<>();
            attrs.put("bankKind", m.kind().wireName());
            attrs.put("method", m.method());
            attrs.put("distance", Integer.toString(m.distance()));
            m.mediaId().ifPresent(v -> attrs.put("mediaId", v));
            m.caseId().ifPresent(v -> attrs.put("caseId", v));
            m.inert().ifPresent(v -> attrs.put("inert", v));
            signals.add(new Signal(SignalType.HASH_BANK_MATCH, m.bank() + "#" + m.itemId(), m.acts() ? SignalStrength.STRONG : SignalStrength.INFO,
                    "hash bank '" + m.bank() + "'", attrs));
        }
        Assessment assessment = assessor.assess(signals);
        return new ScreeningReport(digests.sha256(), digests.md5(), info, pdq, signals, matches, assessment, policy.decide(assessment, matches));
    }

    private PdqResult pdq(MediaSource source, MediaInfo info) throws MediaRejectedException {
        BufferedImage image;
        try {
            image = ImageDecoder.decode(source, info);
        } catch (IOException | RuntimeException e) {
            // Headers were fine but the pixels are not: refuse rather than store something undecodable.
            throw new MediaRejectedException(RejectionCode.CORRUPT, info.type() + " image could not be decoded: " + e.getMessage(), e);
        }
        return pdqHasher.hash(image);
    }
}
