package org.pramaan.assessment;

import java.util.List;
import java.util.Objects;

/**
 * Why an assessment or decision came out as it did.
 *
 * @param code    stable machine code, e.g. {@code iptc.trained_algorithmic_media}
 * @param message human explanation naming the evidence
 * @param signals indexes into the screening's signal list that this reason rests on
 */
public record Reason(String code, String message, List<Integer> signals) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        signals = List.copyOf(signals);
    }
}
