package org.pramaan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

class AssessorTest {
    private final Assessor assessor = new Assessor();
    private static final Signal SHA = new Signal(SignalType.SHA256, "ab", SignalStrength.INFO, "whole file");
    private static final Signal IPTC_AI = new Signal(
            SignalType.IPTC_DIGITAL_SOURCE_TYPE,
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
            SignalStrength.STRONG,
            "XMP",
            Map.of("synthetic", "true"));
    private static final Signal IPTC_CAPTURE = new Signal(
            SignalType.IPTC_DIGITAL_SOURCE_TYPE,
            "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
            SignalStrength.INFO,
            "XMP",
            Map.of("synthetic", "false"));
    private static final Signal AIGC_1 = new Signal(SignalType.GB45438_AIGC, "1", SignalStrength.STRONG, "XMP");
    private static final Signal AIGC_3 = new Signal(SignalType.GB45438_AIGC, "3", SignalStrength.MODERATE, "XMP");
    private static final Signal A1111 =
            new Signal(SignalType.GENERATOR_METADATA, "AUTOMATIC1111", SignalStrength.MODERATE, "PNG tEXt");
    private static final Signal EXIF_AI =
            new Signal(SignalType.EXIF_SOFTWARE, "Midjourney", SignalStrength.WEAK, "EXIF", Map.of("ai", "true"));
    private static final Signal EXIF_EDITOR =
            new Signal(SignalType.EXIF_SOFTWARE, "GIMP 2.10", SignalStrength.INFO, "EXIF");
    private static final Signal C2PA =
            new Signal(SignalType.C2PA_MANIFEST, "present", SignalStrength.INFO, "JPEG APP11");
    private static final Signal SAID_AI =
            new Signal(SignalType.UPLOADER_DECLARATION, "synthetic", SignalStrength.MODERATE, "form");
    private static final Signal SAID_REAL =
            new Signal(SignalType.UPLOADER_DECLARATION, "not_synthetic", SignalStrength.MODERATE, "form");

    private Tier tier(Signal... s) {
        return assessor.assess(List.of(s)).tier();
    }

    @Test
    void standardOriginLabelsConfirm() {
        assertThat(tier(SHA, IPTC_AI)).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
        assertThat(tier(SHA, AIGC_1)).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
    }

    @Test
    void reasonsPointAtTheSignalsThatCarryTheTier() {
        Assessment a = assessor.assess(List.of(SHA, C2PA, IPTC_AI));
        assertThat(a.reasons().get(0).signals()).containsExactly(2);
        assertThat(a.reasons().get(0).message()).contains("trainedAlgorithmicMedia");
    }

    @Test
    void declarationOutranksTracesButNotLabels() {
        assertThat(tier(SHA, SAID_AI)).isEqualTo(Tier.DECLARED_SYNTHETIC);
        assertThat(tier(SHA, SAID_AI, A1111)).isEqualTo(Tier.DECLARED_SYNTHETIC);
        assertThat(tier(SHA, SAID_AI, IPTC_AI)).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
    }

    @Test
    void aNotSyntheticDeclarationNeverHidesEvidence() {
        Assessment a = assessor.assess(List.of(SHA, SAID_REAL, IPTC_AI));
        assertThat(a.tier()).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
        assertThat(a.reasons()).extracting(Reason::code).contains("declaration.contradicted");
        assertThat(tier(SHA, SAID_REAL)).isEqualTo(Tier.NO_EVIDENCE);
    }

    @Test
    void tracesAndPlatformLabelsAreSuspicionWeakHintsInconclusive() {
        assertThat(tier(SHA, A1111)).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(tier(SHA, AIGC_3)).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(tier(SHA, EXIF_AI)).isEqualTo(Tier.INCONCLUSIVE);
    }

    @Test
    void captureLabelsEditorsAndBareManifestsAreNotEvidenceOfAi() {
        assertThat(tier(SHA, IPTC_CAPTURE, EXIF_EDITOR, C2PA)).isEqualTo(Tier.NO_EVIDENCE);
        assertThat(assessor.assess(List.of(SHA)).reasons())
                .extracting(Reason::code)
                .containsExactly("no_evidence");
        Assessment withManifest = assessor.assess(List.of(SHA, C2PA));
        assertThat(withManifest.reasons()).extracting(Reason::code).containsExactly("no_evidence", "c2pa.unvalidated");
        assertThat(withManifest.reasons().get(1).signals()).containsExactly(1);
    }
}
