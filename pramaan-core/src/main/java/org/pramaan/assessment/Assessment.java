package org.pramaan.assessment;

import java.util.List;
import java.util.Objects;

/** The tier and the reasons behind it. */
public record Assessment(Tier tier, List<Reason> reasons) {
    public Assessment {
        Objects.requireNonNull(tier, "tier");
        reasons = List.copyOf(reasons);
    }
}
