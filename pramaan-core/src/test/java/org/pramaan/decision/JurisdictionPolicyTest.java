package org.pramaan.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Reason;
import org.pramaan.assessment.Tier;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankMatch;

class JurisdictionPolicyTest {
    private static final JurisdictionPolicy IN = JurisdictionPolicy.load("IN");

    private static Assessment tier(Tier t) {
        return new Assessment(t, List.of());
    }

    @Test
    void indiaLabelsSyntheticReviewsSuspectedAllowsTheRest() {
        assertThat(IN.decide(tier(Tier.CONFIRMED_SYNTHETIC), List.of()).decision())
                .isEqualTo(Decision.LABEL);
        assertThat(IN.decide(tier(Tier.DECLARED_SYNTHETIC), List.of()).decision())
                .isEqualTo(Decision.LABEL);
        assertThat(IN.decide(tier(Tier.SUSPECTED_SYNTHETIC), List.of()).decision())
                .isEqualTo(Decision.REVIEW);
        assertThat(IN.decide(tier(Tier.NO_EVIDENCE), List.of()).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aRemovedBankMatchBlocksWhateverTheTierAndCitesTheRule() {
        BankMatch m = new BankMatch(
                "removed",
                BankKind.REMOVED,
                7,
                "pdq",
                12,
                Optional.of("a".repeat(64)),
                Optional.of("IN-1"),
                Optional.empty());
        JurisdictionPolicy.Outcome o = IN.decide(tier(Tier.NO_EVIDENCE), List.of(m));
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.reasons().get(0).message())
                .contains("r.4(4)")
                .contains("distance 12")
                .contains("case IN-1");
    }

    @Test
    void banksWithoutARuleAndInertMatchesDoNotDecide() {
        BankMatch m = new BankMatch(
                "gifct", BankKind.KNOWN_DEEPFAKE, 1, "sha256", 0, Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(IN.decide(tier(Tier.NO_EVIDENCE), List.of(m)).decision()).isEqualTo(Decision.ALLOW);
        BankMatch shadow = new BankMatch(
                "removed", BankKind.REMOVED, 2, "pdq", 3, Optional.empty(), Optional.empty(), Optional.of("shadow"));
        JurisdictionPolicy.Outcome o = IN.decide(tier(Tier.NO_EVIDENCE), List.of(shadow));
        assertThat(o.decision()).isEqualTo(Decision.ALLOW);
        assertThat(o.reasons()).extracting(Reason::code).contains("policy.bank.inert");
    }

    @Test
    void malformedPoliciesFailNamingTheEntry() {
        String noBasis = "{\"jurisdiction\":\"X\",\"version\":\"1\",\"tiers\":{"
                + String.join(
                        ",",
                        List.of(
                                "\"CONFIRMED_SYNTHETIC\":{\"decision\":\"LABEL\"}",
                                "\"DECLARED_SYNTHETIC\":{\"decision\":\"LABEL\",\"basis\":\"b\"}",
                                "\"SUSPECTED_SYNTHETIC\":{\"decision\":\"REVIEW\",\"basis\":\"b\"}",
                                "\"INCONCLUSIVE\":{\"decision\":\"ALLOW\",\"basis\":\"b\"}",
                                "\"NO_EVIDENCE\":{\"decision\":\"ALLOW\",\"basis\":\"b\"}"))
                + "}}";
        assertThatThrownBy(() -> JurisdictionPolicy.parse(noBasis, "p.json"))
                .hasMessageContaining("tiers.CONFIRMED_SYNTHETIC.basis");
        assertThatThrownBy(() ->
                        JurisdictionPolicy.parse("{\"jurisdiction\":\"X\",\"version\":\"1\",\"tiers\":{}}", "p.json"))
                .hasMessageContaining("tiers.CONFIRMED_SYNTHETIC is missing");
        String valid = noBasis.replace("{\"decision\":\"LABEL\"}", "{\"decision\":\"LABEL\",\"basis\":\"b\"}");
        assertThat(JurisdictionPolicy.parse(valid, "p.json").jurisdiction()).isEqualTo("X");
        assertThatThrownBy(() -> JurisdictionPolicy.parse(valid.replace("\"REVIEW\"", "\"MAYBE\""), "p.json"))
                .hasMessageContaining("tiers.SUSPECTED_SYNTHETIC.decision")
                .hasMessageContaining("'MAYBE'");
        assertThatThrownBy(() -> JurisdictionPolicy.load("XX"))
                .hasMessageContaining("no screening policy for jurisdiction 'XX'");
    }
}
