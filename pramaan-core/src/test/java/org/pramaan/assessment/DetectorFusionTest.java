package org.pramaan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.decision.Decision;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

/** Issue 16, "Fusion into tiers": a model raises at most to SUSPECTED (REVIEW); disagreements are shown. */
class DetectorFusionTest {
    private final Assessor assessor = new Assessor();

    /** A model signal as {@code DetectorSignalExtractor} makes it; STRONG to prove the assessor caps it anyway. */
    static Signal model(String probability, boolean synthetic, SignalStrength strength) {
        return new Signal(
                SignalType.DETECTOR_SCORE,
                probability,
                strength,
                "model aigi-clip 2.1.0",
                Map.of(
                        "model", "aigi-clip",
                        "version", "2.1.0",
                        "sha256", "ab".repeat(32),
                        "probability", probability,
                        "operatingPoint", "0.800",
                        "calibration", "platt (op-val-2026-05)",
                        "synthetic", Boolean.toString(synthetic),
                        "evidence", "region x=0.25 y=0.10 w=0.50 h=0.50"));
    }

    static final Signal CAMERA = new Signal(
            SignalType.C2PA_MANIFEST,
            "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
            SignalStrength.INFO,
            "JPEG APP11 JUMBF",
            Map.of("validated", "true", "state", "Trusted", "synthetic", "false", "ai", "false"));

    static final Signal IPTC_AI = new Signal(
            SignalType.IPTC_DIGITAL_SOURCE_TYPE,
            "trainedAlgorithmicMedia",
            SignalStrength.STRONG,
            "XMP Iptc4xmpExt:DigitalSourceType");

    @Test
    void aConfidentModelAloneSuspectsAndNeverConfirmsEvenWhenMarkedStrong() {
        Assessment a = assessor.assess(List.of(model("0.990", true, SignalStrength.STRONG)));
        assertThat(a.tier()).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(a.restsOnModelsOnly()).isTrue();
        Reason r = a.reasons().stream()
                .filter(x -> x.code().equals("detector.synthetic"))
                .findFirst()
                .orElseThrow();
        assertThat(r.message())
                .contains("aigi-clip", "2.1.0", "0.990", "operating point 0.800", "region x=0.25 y=0.10 w=0.50 h=0.50");
        assertThat(r.signals()).containsExactly(0);
    }

    @Test
    void aModelBelowItsOperatingPointMovesNothing() {
        Assessment a = assessor.assess(List.of(model("0.420", false, SignalStrength.INFO)));
        assertThat(a.tier()).isEqualTo(Tier.NO_EVIDENCE);
        assertThat(a.restsOnModelsOnly()).isFalse();
    }

    @Test
    void cameraCaptureInC2paAndASyntheticModelAreBothShownAndTheItemGoesToReview() {
        Assessment a = assessor.assess(List.of(CAMERA, model("0.910", true, SignalStrength.MODERATE)));
        assertThat(a.tier()).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        Reason d = a.reasons().stream()
                .filter(x -> x.code().equals("detector.disagrees_with_c2pa"))
                .findFirst()
                .orElseThrow();
        assertThat(d.message()).contains("digitalCapture", "aigi-clip", "2.1.0", "0.910", "region x=0.25");
        assertThat(d.signals()).containsExactly(0, 1);
    }

    @Test
    void deterministicEvidenceConfirmsAndALowModelScoreIsShownAsADisagreement() {
        Assessment a = assessor.assess(List.of(IPTC_AI, model("0.050", false, SignalStrength.INFO)));
        assertThat(a.tier()).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
        assertThat(a.restsOnModelsOnly()).isFalse();
        assertThat(a.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("detector.disagrees_with_evidence");
            assertThat(r.message()).contains("0.050", "evidence decides");
            assertThat(r.signals()).containsExactly(0, 1);
        });
    }

    @Test
    void moderateNonModelEvidenceWithAModelIsNotModelOnly() {
        Signal a1111 = new Signal(
                SignalType.GENERATOR_METADATA, "Steps: 20", SignalStrength.MODERATE, "PNG tEXt 'parameters'");
        Assessment a = assessor.assess(List.of(a1111, model("0.990", true, SignalStrength.MODERATE)));
        assertThat(a.tier()).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(a.restsOnModelsOnly()).isFalse();
    }

    @Test
    void aFailedModelIsReportedAndTheOtherSignalsDecide() {
        Signal failed = new Signal(
                SignalType.DETECTOR_SCORE,
                "failed",
                SignalStrength.INFO,
                "model aigi-clip 2.1.0",
                Map.of(
                        "model", "aigi-clip",
                        "version", "2.1.0",
                        "synthetic", "false",
                        "error", "detect.timeout",
                        "message", "ran past 1000 ms"));
        Assessment a = assessor.assess(List.of(IPTC_AI, failed));
        assertThat(a.tier()).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
        assertThat(a.reasons())
                .anySatisfy(r -> assertThat(r.message()).contains("aigi-clip", "detect.timeout", "ran past 1000 ms"));
    }

    @Test
    void aPolicyThatBlocksSuspectedItemsStillOnlyReviewsAModelOnlyItem() {
        String policy = """
                {"jurisdiction":"XX","version":"t","tiers":{
                 "CONFIRMED_SYNTHETIC":{"decision":"LABEL","basis":"b"},
                 "DECLARED_SYNTHETIC":{"decision":"LABEL","basis":"b"},
                 "SUSPECTED_SYNTHETIC":{"decision":"BLOCK","basis":"b"},
                 "INCONCLUSIVE":{"decision":"ALLOW","basis":"b"},
                 "NO_EVIDENCE":{"decision":"ALLOW","basis":"b"}}}
                """;
        JurisdictionPolicy strict = JurisdictionPolicy.parse(policy, "test");
        JurisdictionPolicy.Outcome model =
                strict.decide(assessor.assess(List.of(model("0.999", true, SignalStrength.STRONG))), List.of());
        assertThat(model.decision()).isEqualTo(Decision.REVIEW);
        assertThat(model.reasons()).anySatisfy(r -> assertThat(r.code()).isEqualTo("policy.detector_cap"));
        Signal a1111 = new Signal(
                SignalType.GENERATOR_METADATA, "Steps: 20", SignalStrength.MODERATE, "PNG tEXt 'parameters'");
        assertThat(strict.decide(assessor.assess(List.of(a1111)), List.of()).decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void theBundledPoliciesReviewAModelOnlyItem() {
        Assessment a = assessor.assess(List.of(model("0.999", true, SignalStrength.MODERATE)));
        for (String j : List.of("IN", "EU"))
            assertThat(JurisdictionPolicy.load(j).decide(a, List.of()).decision())
                    .as(j)
                    .isEqualTo(Decision.REVIEW);
    }
}
