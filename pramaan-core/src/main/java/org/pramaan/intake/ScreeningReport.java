package org.pramaan.intake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.assessment.Assessment;
import org.pramaan.banks.BankMatch;
import org.pramaan.decision.Decision;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.signals.Signal;

/** Everything screening found about one file, and what to do with it; {@code av}: vPDQ and audio hashes, or why not. */
public record ScreeningReport(
        String sha256,
        String md5,
        MediaInfo info,
        Optional<PdqResult> pdq,
        List<Signal> signals,
        List<BankMatch> matches,
        Assessment assessment,
        JurisdictionPolicy.Outcome outcome,
        AvHashes av) {
    public ScreeningReport {
        Objects.requireNonNull(av, "av");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(pdq, "pdq");
        signals = List.copyOf(signals);
        matches = List.copyOf(matches);
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(outcome, "outcome");
    }

    public Decision decision() {
        return outcome.decision();
    }
}
