package org.pramaan.assessment;

import java.util.List;
import java.util.Objects;

/** The tier and the reasons behind it. */
public record Assessment(Tier tier, List<Reason> reasons) {
    public Assessment {
        Objects.requireNonNull(tier, "tier");
        reasons = List.copyOf(reasons);
    }

    /**
     * Whether the tier rests on detector models' scores alone (issue 16): such an item goes to a
     * reviewer at most, never to a block, whatever a policy maps its tier to.
     */
    public boolean restsOnModelsOnly() {
        return reasons.stream().anyMatch(r -> r.code().equals(DetectorReasons.REVIEW_ONLY));
    }
}
