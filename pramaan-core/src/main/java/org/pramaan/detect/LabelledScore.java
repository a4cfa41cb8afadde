package org.pramaan.detect;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of an operator's labelled set: a model's raw score and what the item really is.
 *
 * @param id        the item (a file name or media id), for messages
 * @param raw       the model's raw output
 * @param synthetic whether the item is synthetic (the label)
 * @param family    the generator family when the label says which (per-family evaluation)
 */
public record LabelledScore(String id, double raw, boolean synthetic, Optional<String> family) {
    public LabelledScore {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        if (!Double.isFinite(raw)) throw new IllegalArgumentException("a raw score is a finite number: " + raw);
    }
}
